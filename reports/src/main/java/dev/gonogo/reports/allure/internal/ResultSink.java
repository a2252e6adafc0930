package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Interval;
import dev.gonogo.reports.verdict.Section;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes one results folder: builds Allure test results from findings with the labels, statuses and
 * message prefixes the report's categories rely on, and stores attachments beside them.
 *
 * <p>Status mapping: GO → {@code passed}, NO-GO → {@code failed}, INCONCLUSIVE → {@code broken}
 * (never {@code skipped}: Allure counts skipped tests as neither passed nor failed and hides them
 * from most widgets, and an undecided release must stay in sight). The message starts with {@code
 * [<category label>] }, which the categories' {@code messageRegex} match.
 */
public final class ResultSink {
  public static final String PARENT_SUITE = "gonogo";
  public static final String VERDICT_SUITE = "0 · Release verdict";

  private final FileSystemResultsWriter writer;
  private final long start;
  private int order;

  public ResultSink(Path resultsDir, Instant evaluatedAt) {
    this.writer = new FileSystemResultsWriter(resultsDir);
    this.start = evaluatedAt.toEpochMilli();
  }

  /** The suite a section's tests sit in; the number sorts the suites in reading order. */
  public static String suite(Section section) {
    return switch (section) {
      case LOAD -> "1 · Load";
      case BETA -> "2 · Beta health";
      case INTEGRATION -> "3 · Integration";
      case INPUTS -> "4 · Inputs";
    };
  }

  /** The feature label: the section's name without its number. */
  public static String feature(Section section) {
    return suite(section).substring(4);
  }

  public static Status status(dev.gonogo.reports.verdict.Status status) {
    return switch (status) {
      case GO -> Status.PASSED;
      case NO_GO -> Status.FAILED;
      case INCONCLUSIVE -> Status.BROKEN;
    };
  }

  /** {@code [SLO breach] reason}; the plain reason when there is no category (GO). */
  public static String message(Category category, String reason) {
    return category == null ? reason : "[" + category.label() + "] " + reason;
  }

  /**
   * A new test result, not yet written: stable history id from {@code key} (so trends follow it
   * across runs), start time in reading order.
   */
  public TestResult test(String key, String name, String suite, String feature, String subSuite) {
    long at = start + order++;
    String id =
        UUID.nameUUIDFromBytes(("gonogo:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    List<Label> labels = new ArrayList<>();
    labels.add(ResultsUtils.createParentSuiteLabel(PARENT_SUITE));
    labels.add(ResultsUtils.createSuiteLabel(suite));
    if (subSuite != null && !subSuite.isBlank()) {
      labels.add(ResultsUtils.createSubSuiteLabel(subSuite));
    }
    labels.add(label(ResultsUtils.FEATURE_LABEL_NAME, feature));
    labels.add(label(ResultsUtils.FRAMEWORK_LABEL_NAME, "gonogo"));
    labels.add(label(ResultsUtils.LANGUAGE_LABEL_NAME, "java"));
    return new TestResult()
        .setUuid(UUID.randomUUID().toString())
        .setHistoryId(id)
        .setTestCaseId(id)
        .setTestCaseName(name)
        .setFullName("gonogo." + key)
        .setName(name)
        .setLabels(labels)
        .setStage(Stage.FINISHED)
        .setStart(at)
        .setStop(at + 1);
  }

  public static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }

  /** Status, message, severity and category tag of one finding's test. */
  public static void judge(TestResult test, Finding finding) {
    judge(test, finding.status(), finding.category(), finding.reason(), trace(finding));
    test.setParameters(parameters(finding));
  }

  public static void judge(
      TestResult test,
      dev.gonogo.reports.verdict.Status status,
      Category category,
      String reason,
      String trace) {
    test.setStatus(status(status));
    StatusDetails details = new StatusDetails().setMessage(message(category, reason));
    if (trace != null && !trace.isBlank()) {
      details.setTrace(trace);
    }
    test.setStatusDetails(details);
    if (category != null) {
      test.getLabels().add(label(ResultsUtils.TAG_LABEL_NAME, category.label()));
    }
  }

  public static void severity(TestResult test, String severity) {
    test.getLabels().add(label(ResultsUtils.SEVERITY_LABEL_NAME, severity));
  }

  /** One step per finding: its status, its sentence, its figures as parameters. */
  public StepResult step(Finding finding) {
    String subject = finding.subject().isEmpty() ? "" : " (" + finding.subject() + ")";
    StepResult step =
        new StepResult()
            .setName(
                finding.status().label()
                    + " · "
                    + finding.rule()
                    + subject
                    + ": "
                    + finding.reason())
            .setStatus(status(finding.status()))
            .setStage(Stage.FINISHED)
            .setStart(start)
            .setStop(start)
            .setParameters(parameters(finding));
    if (finding.status() != dev.gonogo.reports.verdict.Status.GO) {
      step.setStatusDetails(
          new StatusDetails().setMessage(message(finding.category(), finding.reason())));
    }
    return step;
  }

  private static List<Parameter> parameters(Finding finding) {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(ResultsUtils.createParameter("rule", finding.rule()));
    if (!finding.subject().isEmpty()) {
      parameters.add(ResultsUtils.createParameter("subject", finding.subject()));
    }
    if (finding.observed() != null) {
      parameters.add(
          ResultsUtils.createParameter("observed", withUnit(finding.observed(), finding)));
    }
    if (finding.threshold() != null) {
      parameters.add(
          ResultsUtils.createParameter("threshold", withUnit(finding.threshold(), finding)));
    }
    if (finding.sampleSize() != null) {
      parameters.add(ResultsUtils.createParameter("sample size", finding.sampleSize()));
    }
    if (finding.interval() != null) {
      parameters.add(
          ResultsUtils.createParameter("interval", interval(finding.interval(), finding)));
    }
    return parameters;
  }

  private static String trace(Finding finding) {
    return String.join("\n", finding.details());
  }

  public static String withUnit(Double value, Finding finding) {
    String unit = finding.unit();
    return Html.number(value) + (unit.isEmpty() ? "" : " " + unit);
  }

  /** {@code 96.2–97.8 ratio (95 % wilson)}. */
  public static String interval(Interval interval, Finding finding) {
    if (interval == null) {
      return "";
    }
    return Html.number(interval.low())
        + "–"
        + Html.number(interval.high())
        + (finding.unit().isEmpty() ? "" : " " + finding.unit())
        + String.format(
            Locale.ROOT,
            " (%s %% %s)",
            Html.number(interval.confidence() * 100),
            interval.method());
  }

  /** Stores {@code content} as an attachment of {@code test}. */
  public void attach(TestResult test, String name, String type, String extension, byte[] content) {
    String source = UUID.randomUUID() + "-attachment." + extension;
    writer.write(source, new ByteArrayInputStream(content));
    test.getAttachments()
        .add(
            new Attachment()
                .setName(name)
                .setType(type)
                .setSource(source)
                .setSize((long) content.length));
  }

  public void attachHtml(TestResult test, String name, String html) {
    attach(test, name, "text/html", "html", html.getBytes(StandardCharsets.UTF_8));
  }

  public void attachPng(TestResult test, String name, byte[] png) {
    attach(test, name, "image/png", "png", png);
  }

  public void write(TestResult test) {
    writer.write(test);
  }
}
