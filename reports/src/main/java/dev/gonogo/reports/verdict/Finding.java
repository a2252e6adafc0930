package dev.gonogo.reports.verdict;

import java.util.Objects;

/**
 * One rule's outcome, with what a release manager needs to trust it: the rule, the observed value,
 * the threshold it was held against and a plain sentence. Sample size and interval are carried in
 * the sentence until the statistical rules land with their own fields.
 */
public record Finding(
    String rule, Status status, String observed, String threshold, String reason) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(reason, "reason");
    if (rule.isBlank()) {
      throw new IllegalArgumentException("a finding needs a rule name");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("finding " + rule + " needs a reason a person can read");
    }
  }
}
