/**
 * Helpers of the Sentry protocol layer: JSON access, field validation, timestamps, ids, UTF-8 and
 * bounded streams. Not API: callers use {@link dev.gonogo.feedback.sentry}.
 */
package dev.gonogo.feedback.sentry.internal;
