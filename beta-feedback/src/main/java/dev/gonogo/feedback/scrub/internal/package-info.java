/**
 * How scrubbing is done: the key classifier, the text rules in their order and the list files. Not
 * API: callers use {@link dev.gonogo.feedback.scrub.Scrubber}.
 */
package dev.gonogo.feedback.scrub.internal;
