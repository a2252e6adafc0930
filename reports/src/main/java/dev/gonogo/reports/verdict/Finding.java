package dev.gonogo.reports.verdict;

import java.util.List;
import java.util.Objects;

/**
 * One rule's outcome, with what a release manager needs to trust it: the rule, the observed value,
 * the threshold it was held against, the sample it rests on, its interval and a plain sentence.
 *
 * @param section where it comes from
 * @param rule stable name, dotted by section, e.g. {@code load.slo.p95}, {@code
 *     load.baseline.p99-shift}, {@code beta.crash-free-sessions}, {@code integration.all-passed},
 *     {@code inputs.load-candidate}
 * @param subject what the rule was applied to, e.g. {@code CrashFloodSimulation / ingest}, or the
 *     input's path or URL; never null, may be empty
 * @param status GO, NO_GO or INCONCLUSIVE
 * @param category why it is not GO; null exactly when {@code status} is GO
 * @param observed the observed value in {@code unit}; null when there was no data
 * @param threshold the policy's threshold in {@code unit}; null when the rule has none
 * @param unit {@code ms}, {@code %}, {@code ratio}, {@code tests}, {@code requests/s}, ...; may be
 *     empty
 * @param sampleSize the count the observation rests on (requests, sessions, tests); null when not
 *     applicable
 * @param interval the interval the decision was taken on; null when none
 * @param reason one sentence a release manager understands, e.g. "ingest p99 412 ms is 61 % above
 *     the baseline's 256 ms (limit +50 %); 95 % bootstrap interval +38..+85 %"
 * @param details more lines (per test, per signature); may be empty
 */
public record Finding(
    Section section,
    String rule,
    String subject,
    Status status,
    Category category,
    Double observed,
    Double threshold,
    String unit,
    Long sampleSize,
    Interval interval,
    String reason,
    List<String> details) {
  public Finding {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    subject = subject == null ? "" : subject;
    unit = unit == null ? "" : unit;
    details = details == null ? List.of() : List.copyOf(details);
    if (rule.isBlank()) {
      throw new IllegalArgumentException("a finding needs a rule name");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("finding " + rule + " needs a reason a person can read");
    }
    if ((status == Status.GO) != (category == null)) {
      throw new IllegalArgumentException(
          "finding "
              + rule
              + ": a GO finding has no category and any other has one (status "
              + status
              + ", category "
              + category
              + ")");
    }
  }

  /** A passing finding. */
  public static Finding go(
      Section section,
      String rule,
      String subject,
      Double observed,
      Double threshold,
      String unit,
      Long sampleSize,
      Interval interval,
      String reason) {
    return new Finding(
        section,
        rule,
        subject,
        Status.GO,
        null,
        observed,
        threshold,
        unit,
        sampleSize,
        interval,
        reason,
        List.of());
  }

  /** A finding that blocks or withholds a GO. */
  public static Finding notGo(
      Section section,
      String rule,
      String subject,
      Status status,
      Category category,
      Double observed,
      Double threshold,
      String unit,
      Long sampleSize,
      Interval interval,
      String reason) {
    return new Finding(
        section,
        rule,
        subject,
        status,
        category,
        observed,
        threshold,
        unit,
        sampleSize,
        interval,
        reason,
        List.of());
  }

  /** An input that was not there, was empty, or could not be read: INCONCLUSIVE. */
  public static Finding missingInput(
      String rule, String subject, Category category, String reason) {
    return new Finding(
        Section.INPUTS,
        rule,
        subject,
        Status.INCONCLUSIVE,
        category,
        null,
        null,
        "",
        null,
        null,
        reason,
        List.of());
  }

  public Finding withDetails(List<String> more) {
    return new Finding(
        section,
        rule,
        subject,
        status,
        category,
        observed,
        threshold,
        unit,
        sampleSize,
        interval,
        reason,
        more);
  }
}
