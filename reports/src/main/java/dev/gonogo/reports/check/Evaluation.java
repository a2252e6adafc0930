package dev.gonogo.reports.check;

import dev.gonogo.reports.allure.AllureReport;
import dev.gonogo.reports.allure.ReportCommand;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.VerdictInputs;
import dev.gonogo.reports.run.VerdictRun;
import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Verdict;
import dev.gonogo.reports.write.ConsoleSummary;
import dev.gonogo.reports.write.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The release check's last step: the verdict taken as {@code gonogo verdict} takes it ({@link
 * VerdictRun}), then the Allure report (its history kept in the report folder between checks).
 */
final class Evaluation {
  private Evaluation() {}

  /** What the check gathered. */
  record Request(
      Path repository,
      Path work,
      String candidate,
      String baseline,
      String commit,
      URI betaUrl,
      String betaToken,
      List<Path> baselineLoad,
      List<Path> candidateLoad,
      boolean skipLoad,
      Path allureHome) {}

  /** Takes the verdict, writes verdict.json and the report, prints them; returns the exit code. */
  static int run(
      Request request, ReleasePolicy policy, Clock clock, PrintStream console, Progress progress)
      throws IOException {
    Release release = new Release(request.candidate(), request.baseline(), request.commit());
    // The check runs without Docker: the container suites are ./gonogo test's, and the verdict
    // says plainly that they were not part of it.
    Set<Section> skipped = EnumSet.of(Section.INTEGRATION);
    if (request.skipLoad()) {
      skipped.add(Section.LOAD);
    }
    VerdictInputs inputs =
        new VerdictInputs(
            release,
            null,
            request.candidateLoad(),
            request.baselineLoad(),
            request.betaUrl(),
            VerdictInputs.DEFAULT_PROJECT,
            request.betaToken(),
            null,
            skipped);
    Path results = request.work().resolve("allure-results");
    Folders.delete(results);
    VerdictRun run = VerdictRun.take(inputs, policy, clock, request.work(), results);
    Verdict verdict = run.verdict();
    Path json = run.json();
    progress.detail("verdict: " + verdict.status().label() + " (" + json + ")");

    progress.step("writing the Allure report (history kept from the previous check)");
    Path allureHome =
        AllureReport.locateAllureHome(
            request.allureHome() != null
                ? request.allureHome()
                : request.repository().resolve(ReportCommand.DEFAULT_ALLURE_DIR));
    Path report =
        AllureReport.generate(allureHome, List.of(results), request.work().resolve("report"));

    console.println();
    console.println(ConsoleSummary.render(verdict, json));
    console.println("Allure report: " + report);
    Path folder = report.getParent();
    console.println(
        "  view it in a browser: ./gonogo view "
            + (folder.startsWith(request.repository())
                ? request.repository().relativize(folder)
                : folder)
            + "   (serves it on http://127.0.0.1:8000/)");
    return verdict.exitCode();
  }
}
