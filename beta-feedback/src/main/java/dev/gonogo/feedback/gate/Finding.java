package dev.gonogo.feedback.gate;

import dev.gonogo.feedback.stats.Interval;
import java.util.List;
import java.util.Objects;

/**
 * One rule's answer, explained: what was observed against which threshold, on how many sessions,
 * with which interval, and a sentence a release manager understands.
 *
 * @param rule the rule's name, e.g. {@code crash-free-sessions}
 * @param observed the observed value (a rate in [0, 1], or a ratio); null when there is no data
 * @param threshold the policy's threshold, in the same unit
 * @param sampleSize the sessions (or users) the observation rests on
 * @param interval the interval the decision was taken on; null when there is no data
 * @param reason one plain sentence
 * @param details more lines (per signature, per device); may be empty
 */
public record Finding(
    String rule,
    Status status,
    Double observed,
    Double threshold,
    long sampleSize,
    Interval interval,
    String reason,
    List<String> details) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    details = List.copyOf(details);
  }

  Finding withStatus(Status newStatus, String because) {
    return new Finding(
        rule, newStatus, observed, threshold, sampleSize, interval, reason + because, details);
  }
}
