package dev.gonogo.reports.run;

import dev.gonogo.reports.allure.AllureResults;
import dev.gonogo.reports.allure.ReportEnvironment;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.EvidenceReader;
import dev.gonogo.reports.read.VerdictInputs;
import dev.gonogo.reports.verdict.Aggregator;
import dev.gonogo.reports.verdict.Verdict;
import dev.gonogo.reports.write.VerdictJson;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One verdict taken: read every input, aggregate by the policy, write verdict.json and the Allure
 * results. {@code gonogo verdict} and the release check both take it this way.
 *
 * @param verdict what was decided
 * @param json the verdict.json written, or null when none was asked for
 */
public record VerdictRun(Verdict verdict, Path json) {

  /**
   * @param jsonFolder where verdict.json is written; null: not written
   * @param allureResults where the verdict's Allure results are written (verdict.json attached when
   *     written); null: not written
   */
  public static VerdictRun take(
      VerdictInputs inputs,
      ReleasePolicy policy,
      Clock clock,
      Path jsonFolder,
      Path allureResults) {
    Evidence evidence = EvidenceReader.read(inputs, policy);
    Verdict verdict = Aggregator.aggregate(evidence, policy, clock);
    Path json = null;
    if (jsonFolder != null) {
      json = jsonFolder.resolve("verdict.json");
      VerdictJson.write(verdict, json);
    }
    if (allureResults != null) {
      AllureResults.write(
          verdict,
          evidence,
          allureResults,
          ReportEnvironment.fromSystem(inputs.release()),
          json,
          clock);
    }
    return new VerdictRun(verdict, json);
  }
}
