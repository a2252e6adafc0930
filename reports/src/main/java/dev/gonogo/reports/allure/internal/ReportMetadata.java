package dev.gonogo.reports.allure.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gonogo.reports.allure.ReportEnvironment;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The results folder's report-wide files: {@code environment.properties}, {@code executor.json} and
 * {@code categories.json}.
 */
public final class ReportMetadata {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ReportMetadata() {}

  /** One entry of {@code categories.json}. */
  public record CategoryRule(
      String name, String description, List<String> matchedStatuses, String messageRegex) {}

  /** {@code executor.json}, as Allure reads it. */
  public record Executor(
      String name,
      String type,
      String buildName,
      Long buildOrder,
      String buildUrl,
      String reportName,
      String reportUrl) {}

  /**
   * One category per {@link Category}, matching failed and broken tests whose message starts with
   * {@code [<label>] } — the prefix {@link ResultSink#message} writes.
   */
  public static List<CategoryRule> categories() {
    List<CategoryRule> rules = new ArrayList<>();
    for (Category category : Category.values()) {
      rules.add(
          new CategoryRule(
              category.label(),
              description(category),
              List.of("failed", "broken"),
              "(?s)" + Pattern.quote("[" + category.label() + "]") + " .*"));
    }
    return rules;
  }

  private static String description(Category category) {
    return switch (category) {
      case PRODUCT_REGRESSION ->
          "The candidate is worse than its baseline: latency or error shift, crash-rate increase.";
      case SLO_BREACH ->
          "An absolute objective was missed: an SLO, a crash-free floor, a failed test.";
      case INFRASTRUCTURE ->
          "The harness could not get an answer: a service unreachable, a broken run, a bad file.";
      case INSUFFICIENT_DATA -> "An input was missing, empty, or too small a sample to decide on.";
    };
  }

  public static void write(
      Path resultsDir, Verdict verdict, ReportEnvironment environment, Instant generatedAt) {
    try {
      JSON.writeValue(resultsDir.resolve("categories.json").toFile(), categories());
      JSON.writeValue(
          resultsDir.resolve("executor.json").toFile(),
          new Executor(
              environment.executorName(),
              environment.executorType(),
              environment.buildName(),
              environment.buildOrder(),
              environment.buildUrl(),
              "gonogo release verdict: " + verdict.status().label(),
              environment.reportUrl()));
      Properties properties = new Properties();
      properties.setProperty("Candidate", environment.candidate());
      properties.setProperty(
          "Baseline", environment.baseline() == null ? "(none)" : environment.baseline());
      properties.setProperty(
          "Commit", environment.commit() == null ? "(unknown)" : environment.commit());
      properties.setProperty("Verdict", verdict.status().label());
      properties.setProperty("Evaluated", verdict.evaluatedAt().toString());
      properties.setProperty("Generated", generatedAt.toString());
      properties.setProperty("Executor", environment.executorName());
      if (environment.buildUrl() != null) {
        properties.setProperty("Build", environment.buildUrl());
      }
      // The stream form escapes non-ASCII as \\uXXXX, which Allure's ISO-8859-1 reader keeps.
      try (OutputStream out = Files.newOutputStream(resultsDir.resolve("environment.properties"))) {
        properties.store(out, "gonogo release verdict");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the report-wide files (categories.json, executor.json,"
              + " environment.properties) to "
              + resultsDir,
          e);
    }
  }
}
