package dev.gonogo.load.summary;

import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A load summary as one Allure test result, written with Allure's own results writer: one step per
 * assertion (its sentence and the actual value), the summary JSON attached. Passed, failed (an
 * assertion missed) or broken (no request, or an assertion that could not be evaluated).
 */
public final class AllureResults {
  private AllureResults() {}

  public static void write(Summary summary, Path resultsDirectory) {
    FileSystemResultsWriter writer = new FileSystemResultsWriter(resultsDirectory);
    String uuid = UUID.randomUUID().toString();
    String simple = summary.simulation().substring(summary.simulation().lastIndexOf('.') + 1);
    List<StepResult> steps = new ArrayList<>();
    for (Summary.AssertionOutcome outcome : summary.assertions()) {
      steps.add(
          new StepResult()
              .setName(outcome.message() + " — actual: " + actual(outcome))
              .setStatus(
                  outcome.error() != null
                      ? Status.BROKEN
                      : outcome.passed() ? Status.PASSED : Status.FAILED)
              .setStage(Stage.FINISHED)
              .setStart(summary.start())
              .setStop(summary.end()));
    }
    String attachmentSource = uuid + "-load-summary.json";
    writer.write(
        attachmentSource,
        new ByteArrayInputStream(SummaryJson.text(summary).getBytes(StandardCharsets.UTF_8)));
    Status status =
        switch (summary.status()) {
          case "passed" -> Status.PASSED;
          case "failed" -> Status.FAILED;
          default -> Status.BROKEN;
        };
    TestResult result =
        new TestResult()
            .setUuid(uuid)
            .setHistoryId(summary.simulation() + "/" + summary.profile() + "/" + summary.label())
            .setTestCaseId(summary.simulation())
            .setFullName(
                summary.simulation() + " [" + summary.profile() + ", " + summary.label() + "]")
            .setName(simple + " (" + summary.profile() + ", " + summary.label() + ")")
            .setStatus(status)
            .setStatusDetails(new StatusDetails().setMessage(message(summary)))
            .setStage(Stage.FINISHED)
            .setStart(summary.start())
            .setStop(summary.end())
            .setSteps(steps)
            .setParameters(
                List.of(
                    new Parameter().setName("profile").setValue(summary.profile()),
                    new Parameter().setName("label").setValue(summary.label()),
                    new Parameter().setName("runs").setValue(String.join(", ", summary.runs()))))
            .setLabels(
                List.of(
                    new Label().setName("parentSuite").setValue("load-tests"),
                    new Label().setName("suite").setValue(summary.profile()),
                    new Label().setName("subSuite").setValue(simple),
                    new Label().setName("feature").setValue("load"),
                    new Label().setName("framework").setValue("gatling")))
            .setAttachments(
                List.of(
                    new Attachment()
                        .setName("load-summary.json")
                        .setSource(attachmentSource)
                        .setType("application/json")));
    writer.write(result);
  }

  static String message(Summary summary) {
    String head =
        String.format(
            Locale.ROOT,
            "%d requests, %.2f %% failed, p95 %s ms, p99 %s ms",
            summary.global().count(),
            summary.global().errorPercent(),
            percentile(summary, "95"),
            percentile(summary, "99"));
    if (summary.global().count() == 0) {
      return "the run sent no request: " + head;
    }
    List<Summary.AssertionOutcome> failures = summary.failures();
    if (failures.isEmpty()) {
      return "every assertion passed; " + head;
    }
    return failures.size()
        + " assertion(s) missed: "
        + failures.stream()
            .map(f -> f.message() + " (actual " + actual(f) + ")")
            .collect(Collectors.joining("; "))
        + "; "
        + head;
  }

  private static String percentile(Summary summary, String key) {
    Summary.Distribution d = summary.global().responseTimeMs();
    return d == null ? "-" : String.valueOf(d.percentiles().get(key));
  }

  private static String actual(Summary.AssertionOutcome outcome) {
    if (outcome.actual() == null) {
      return "unknown (" + outcome.error() + ")";
    }
    double value = outcome.actual();
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
