/**
 * The Sentry ingestion protocol, without HTTP or storage: so that unmodified Sentry SDKs can send
 * crashes, sessions and feedback to beta-feedback.
 *
 * <p>A request goes through, in order: {@link dev.gonogo.feedback.sentry.SentryAuth} (whose key,
 * which project), {@link dev.gonogo.feedback.sentry.Decoding} (Content-Encoding, size limits),
 * {@link dev.gonogo.feedback.sentry.EnvelopeParser} (framing), then {@link
 * dev.gonogo.feedback.sentry.ItemPayload#parse} per item (typed, validated views). Every refusal is
 * a {@link dev.gonogo.feedback.sentry.RejectedException} with a stable {@link
 * dev.gonogo.feedback.sentry.RejectReason}; a quota refusal also sends {@link
 * dev.gonogo.feedback.sentry.RateLimit} headers, which the SDKs obey.
 */
package dev.gonogo.feedback.sentry;
