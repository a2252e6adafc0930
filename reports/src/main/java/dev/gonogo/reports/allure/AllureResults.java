package dev.gonogo.reports.allure;

import dev.gonogo.reports.allure.internal.BetaTests;
import dev.gonogo.reports.allure.internal.FindingTable;
import dev.gonogo.reports.allure.internal.Html;
import dev.gonogo.reports.allure.internal.IntegrationTable;
import dev.gonogo.reports.allure.internal.LoadTests;
import dev.gonogo.reports.allure.internal.ReportMetadata;
import dev.gonogo.reports.allure.internal.ResultSink;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import dev.gonogo.reports.verdict.Verdict;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a verdict as Allure 2 results (docs/report.md): the verdict first, then load, beta health,
 * integration and inputs, plus the report-wide {@code categories.json}, {@code executor.json} and
 * {@code environment.properties}.
 *
 * <p>Allure statuses: GO → passed, NO-GO → failed, INCONCLUSIVE → broken. Every non-GO message
 * starts with {@code [<category>] } (e.g. {@code [SLO breach] }), which the report's categories
 * match.
 */
public final class AllureResults {
  static final String VERDICT_KEY = "verdict";

  private AllureResults() {}

  /**
   * As {@link #write(Verdict, Evidence, Path, ReportEnvironment, Path, Clock)} without
   * verdict.json.
   */
  public static void write(
      Verdict verdict, Evidence evidence, Path resultsDir, ReportEnvironment environment) {
    write(verdict, evidence, resultsDir, environment, null, Clock.systemUTC());
  }

  /**
   * Writes the results of {@code verdict} into {@code resultsDir} (created when missing; existing
   * results of other writers are left alone).
   *
   * @param verdictJson the verdict's JSON file, attached to the verdict test; null or missing: not
   *     attached
   * @param clock gives the "Generated" time of environment.properties
   */
  public static void write(
      Verdict verdict,
      Evidence evidence,
      Path resultsDir,
      ReportEnvironment environment,
      Path verdictJson,
      Clock clock) {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(environment, "environment");
    try {
      Files.createDirectories(resultsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the Allure results folder " + resultsDir, e);
    }
    ResultSink sink = new ResultSink(resultsDir, verdict.evaluatedAt());
    writeVerdict(sink, verdict, verdictJson);
    LoadTests.write(sink, verdict.findings(), evidence.loadCandidate(), evidence.loadBaseline());
    BetaTests.write(sink, verdict.findings(), evidence.beta());
    writeIntegration(sink, verdict.findings(), evidence.integration());
    writeInputs(sink, verdict.findings());
    ReportMetadata.write(resultsDir, verdict, environment, clock.instant());
  }

  /** {@code Release verdict: NO-GO — app@1.5.0 vs app@1.4.0}. */
  public static String verdictName(Verdict verdict) {
    String baseline = verdict.release().baseline();
    return "Release verdict: "
        + verdict.status().label()
        + " — "
        + verdict.release().candidate()
        + (baseline == null ? " (no baseline)" : " vs " + baseline);
  }

  private static void writeVerdict(ResultSink sink, Verdict verdict, Path verdictJson) {
    TestResult test =
        sink.test(
            VERDICT_KEY, verdictName(verdict), ResultSink.VERDICT_SUITE, "Release verdict", null);
    Category category =
        verdict.findings().stream()
            .filter(f -> f.status() == verdict.status())
            .map(Finding::category)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(verdict.status() == Status.GO ? null : Category.INSUFFICIENT_DATA);
    ResultSink.judge(test, verdict.status(), category, verdict.summary(), null);
    ResultSink.severity(test, "blocker");
    test.setDescriptionHtml(
        Html.style()
            + "<h3>"
            + Html.escape(verdict.status().label())
            + "</h3>"
            + Html.paragraph(verdict.summary())
            + Html.paragraph(
                "Evaluated "
                    + verdict.evaluatedAt()
                    + "; "
                    + verdict.findings().size()
                    + " findings (exit code "
                    + verdict.exitCode()
                    + ").")
            + FindingTable.of(verdict.findings()));
    test.setSteps(new ArrayList<>(verdict.findings().stream().map(sink::step).toList()));
    if (verdictJson != null && Files.isRegularFile(verdictJson)) {
      try {
        sink.attach(
            test, "verdict.json", "application/json", "json", Files.readAllBytes(verdictJson));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + verdictJson + " to attach it", e);
      }
    }
    sink.write(test);
  }

  private static void writeIntegration(
      ResultSink sink, List<Finding> findings, Input<IntegrationResults> integration) {
    List<Finding> mine = findings.stream().filter(f -> f.section() == Section.INTEGRATION).toList();
    if (mine.isEmpty()) {
      return;
    }
    TestResult test =
        sink.test(
            "integration",
            "Integration suites",
            ResultSink.suite(Section.INTEGRATION),
            ResultSink.feature(Section.INTEGRATION),
            null);
    Status status = mine.stream().map(Finding::status).reduce(Status.GO, Status::worst);
    Finding worst = mine.stream().filter(f -> f.status() == status).findFirst().orElseThrow();
    String sentence =
        status == Status.GO ? mine.size() + " integration findings, all passed" : worst.reason();
    ResultSink.judge(test, status, worst.category(), sentence, null);
    ResultSink.severity(test, "critical");
    test.setSteps(new ArrayList<>(mine.stream().map(sink::step).toList()));
    StringBuilder description =
        new StringBuilder(Html.style())
            .append(Html.paragraph(sentence))
            .append(FindingTable.of(mine));
    if (integration != null && integration.isPresent()) {
      description.append(IntegrationTable.of(integration.value()));
    }
    description.append(
        Html.paragraph(
            "The integration suites' own results appear in this report beside this summary."));
    test.setDescriptionHtml(description.toString());
    sink.write(test);
  }

  private static void writeInputs(ResultSink sink, List<Finding> findings) {
    for (Finding finding : findings) {
      if (finding.section() != Section.INPUTS) {
        continue;
      }
      TestResult test =
          sink.test(
              "inputs/" + finding.rule() + "/" + finding.subject(),
              "Input "
                  + finding.rule()
                  + (finding.subject().isEmpty() ? "" : " — " + finding.subject()),
              ResultSink.suite(Section.INPUTS),
              ResultSink.feature(Section.INPUTS),
              null);
      ResultSink.judge(test, finding);
      ResultSink.severity(test, "critical");
      test.setSteps(new ArrayList<>(List.of(sink.step(finding))));
      test.setDescriptionHtml(Html.style() + FindingTable.of(List.of(finding)));
      sink.write(test);
    }
  }
}
