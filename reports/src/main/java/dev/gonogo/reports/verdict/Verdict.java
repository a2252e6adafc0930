package dev.gonogo.reports.verdict;

import java.util.List;
import java.util.Objects;

/**
 * The overall decision: the worst of its findings. No findings at all is {@link
 * Status#INCONCLUSIVE}, never GO — silence is not success.
 */
public record Verdict(Status status, List<Finding> findings) {
  public static final String NO_EVIDENCE_RULE = "evidence.present";

  public Verdict {
    Objects.requireNonNull(status, "status");
    findings = List.copyOf(findings);
  }

  public static Verdict of(List<Finding> findings) {
    if (findings.isEmpty()) {
      Finding none =
          new Finding(
              NO_EVIDENCE_RULE,
              Status.INCONCLUSIVE,
              "0 findings",
              "at least 1 finding",
              "no load, integration or beta result was given, so nothing supports a release");
      return new Verdict(Status.INCONCLUSIVE, List.of(none));
    }
    Status status = Status.GO;
    for (Finding finding : findings) {
      status = Status.worst(status, finding.status());
    }
    return new Verdict(status, findings);
  }

  public int exitCode() {
    return status.exitCode();
  }
}
