package dev.gonogo.reports.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The overall decision on a release: the worst of its findings. No findings at all, or only passing
 * input findings (every section skipped), is {@link Status#INCONCLUSIVE}, never GO — silence is not
 * success.
 *
 * @param release what was decided on
 * @param status the worst finding's status
 * @param summary one line: the status and the first blocking reasons
 * @param findings every finding, in the order the rules ran (inputs, integration, load, beta)
 * @param evaluatedAt when the verdict was taken
 */
public record Verdict(
    Release release, Status status, String summary, List<Finding> findings, Instant evaluatedAt) {
  public static final String NO_EVIDENCE_RULE = "inputs.any";

  public Verdict {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    findings = List.copyOf(findings);
  }

  public static Verdict of(Release release, List<Finding> findings, Instant evaluatedAt) {
    // Only passing input findings (sections skipped on request, "no baseline") is no evidence at
    // all: skipping every section must not read as GO.
    boolean evaluated =
        findings.stream().anyMatch(f -> f.section() != Section.INPUTS || f.status() != Status.GO);
    if (!evaluated) {
      Finding none =
          Finding.missingInput(
              NO_EVIDENCE_RULE,
              "",
              Category.INSUFFICIENT_DATA,
              "no load, integration or beta result was evaluated, so nothing supports a release");
      List<Finding> more = new java.util.ArrayList<>(findings);
      more.add(none);
      findings = more;
    }
    Status status = Status.GO;
    for (Finding finding : findings) {
      status = Status.worst(status, finding.status());
    }
    return new Verdict(release, status, summarize(status, findings), findings, evaluatedAt);
  }

  private static String summarize(Status status, List<Finding> findings) {
    List<Finding> blocking = findings.stream().filter(f -> f.status() == status).toList();
    if (status == Status.GO) {
      return "GO — " + findings.size() + " findings, all passed";
    }
    StringBuilder line = new StringBuilder(status.label()).append(" — ");
    int shown = Math.min(3, blocking.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        line.append("; ");
      }
      line.append(blocking.get(i).rule()).append(": ").append(blocking.get(i).reason());
    }
    if (blocking.size() > shown) {
      line.append("; and ").append(blocking.size() - shown).append(" more");
    }
    return line.toString();
  }

  public int exitCode() {
    return status.exitCode();
  }
}
