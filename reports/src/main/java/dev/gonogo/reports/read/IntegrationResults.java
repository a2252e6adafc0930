package dev.gonogo.reports.read;

import java.util.List;

/**
 * The integration suites' test outcomes, read from an Allure results folder ({@code *-result.json})
 * or from JUnit XML reports (Surefire/Failsafe {@code TEST-*.xml}).
 *
 * @param format where they were read from
 * @param tests one entry per test (a retried test once, with {@code flaky} set)
 */
public record IntegrationResults(Format format, List<TestOutcome> tests) {
  public enum Format {
    ALLURE,
    JUNIT_XML
  }

  /** A test's final outcome. */
  public enum Outcome {
    PASSED,
    FAILED,
    BROKEN,
    SKIPPED
  }

  /**
   * @param suite the test class or suite, e.g. {@code dev.gonogo.it.DatabaseOutageIT}
   * @param name the test's name
   * @param outcome its final outcome (the last attempt)
   * @param flaky it failed or broke on an earlier attempt and its final attempt passed
   * @param message the failure message of the last failed attempt; null when none
   * @param durationMs the last attempt's duration
   */
  public record TestOutcome(
      String suite, String name, Outcome outcome, boolean flaky, String message, long durationMs) {}

  public IntegrationResults {
    tests = List.copyOf(tests);
  }
}
