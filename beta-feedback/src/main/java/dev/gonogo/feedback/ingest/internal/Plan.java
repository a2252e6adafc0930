package dev.gonogo.feedback.ingest.internal;

import dev.gonogo.feedback.sentry.RateLimit;
import dev.gonogo.feedback.store.Records.Write;
import java.util.List;
import java.util.Optional;

/**
 * The writes one request makes, in envelope order, and what its answer carries.
 *
 * @param eventId the id the SDK gets back
 * @param rateLimits the limits an event of the request was over; empty when none
 */
public record Plan(List<Write> writes, Optional<String> eventId, List<RateLimit> rateLimits) {
  public Plan {
    writes = List.copyOf(writes);
    rateLimits = List.copyOf(rateLimits);
  }
}
