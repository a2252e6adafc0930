package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import io.qameta.allure.model.TestResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The beta section: one test per gate rule finding ({@code beta.*}). The crash-free sessions test
 * carries the candidate's crash-free trend (with the policy floor from its threshold) and the top
 * signatures; a test about signatures carries the signatures table too.
 */
public final class BetaTests {
  public static final String CRASH_FREE_SESSIONS = "beta.crash-free-sessions";
  private static final String SEVERITY = "critical";

  private BetaTests() {}

  public static void write(ResultSink sink, List<Finding> findings, Input<BetaHealth> beta) {
    BetaHealth health = beta == null ? null : beta.value();
    List<Finding> mine = findings.stream().filter(f -> f.section() == Section.BETA).toList();
    boolean charted = false;
    for (Finding finding : mine) {
      TestResult test =
          sink.test(
              "beta/" + finding.rule(),
              finding.rule().startsWith("beta.")
                  ? "Beta gate: " + finding.rule().substring("beta.".length())
                  : finding.rule(),
              ResultSink.suite(Section.BETA),
              ResultSink.feature(Section.BETA),
              finding.subject());
      ResultSink.judge(test, finding);
      ResultSink.severity(test, SEVERITY);
      test.getLabels().add(ResultSink.label("story", finding.rule()));
      test.setSteps(new ArrayList<>(List.of(sink.step(finding))));
      test.setDescriptionHtml(
          Html.style() + Html.paragraph(finding.reason()) + FindingTable.of(List.of(finding)));
      if (health != null) {
        boolean crashFree = finding.rule().equals(CRASH_FREE_SESSIONS);
        if (crashFree || (!charted && finding == mine.get(mine.size() - 1))) {
          sink.attachPng(
              test,
              "Crash-free sessions per hour: " + candidateName(health),
              Charts.crashFreeTrend(
                  "Crash-free sessions — " + candidateName(health),
                  health,
                  crashFree ? floorPercent(finding) : null));
          charted = true;
        }
        if (crashFree || finding.rule().contains("signature")) {
          sink.attachHtml(test, "Top signatures: " + candidateName(health), signatures(health));
        }
      }
      sink.write(test);
    }
  }

  static String candidateName(BetaHealth health) {
    if (health.gate() != null && health.gate().candidate() != null) {
      return health.gate().candidate();
    }
    return health.candidate() == null ? "the candidate" : health.candidate().release();
  }

  /** The finding's threshold in %: a ratio (≤ 1 or unit {@code ratio}) is scaled. */
  static Double floorPercent(Finding finding) {
    Double threshold = finding.threshold();
    if (threshold == null) {
      return null;
    }
    boolean ratio =
        finding.unit().equals("ratio") || (!finding.unit().equals("%") && threshold <= 1);
    return ratio ? threshold * 100 : threshold;
  }

  static String signatures(BetaHealth health) {
    List<List<String>> rows = new ArrayList<>();
    for (BetaHealth.Signature s : health.topSignatures()) {
      rows.add(
          List.of(
              s.title() == null ? "" : s.title(),
              s.status() == null ? "" : s.status(),
              Html.number((double) s.crashEvents()),
              Html.number((double) s.events()),
              Html.number((double) s.sessions()),
              Html.number((double) s.users()),
              Html.number((double) s.baselineEvents()),
              Instant.ofEpochMilli(s.firstSeen()).toString(),
              Instant.ofEpochMilli(s.lastSeen()).toString(),
              s.fingerprint() == null ? "" : s.fingerprint()));
    }
    String table =
        rows.isEmpty()
            ? Html.paragraph("The candidate has no crash signatures.")
            : Html.table(
                List.of(
                    "signature",
                    "status",
                    "crash events",
                    "events",
                    "sessions",
                    "users",
                    "baseline events",
                    "first seen",
                    "last seen",
                    "fingerprint"),
                rows);
    return Html.page(
        "Top signatures of " + candidateName(health) + " (most crashes first)",
        Html.paragraph("From " + health.server() + ", project " + health.project() + "."),
        table);
  }
}
