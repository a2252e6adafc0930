package dev.gonogo.reports.verdict.internal;

import dev.gonogo.reports.policy.IntegrationPolicy;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.read.IntegrationResults.Outcome;
import dev.gonogo.reports.read.IntegrationResults.TestOutcome;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Rule;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration suites under the policy's {@code integration} section: failed or broken tests,
 * flaky tests, skipped tests and the minimum test count.
 */
public final class IntegrationRule implements Rule {
  @Override
  public String name() {
    return "integration";
  }

  @Override
  public Section section() {
    return Section.INTEGRATION;
  }

  @Override
  public List<Finding> evaluate(Evidence e, ReleasePolicy policy) {
    if (!e.integration().isPresent()) {
      return List.of();
    }
    IntegrationPolicy rules = policy.integration();
    IntegrationResults results = e.integration().value();
    String source = e.integration().source();
    List<TestOutcome> tests = results.tests();
    List<TestOutcome> failed =
        tests.stream()
            .filter(t -> t.outcome() == Outcome.FAILED || t.outcome() == Outcome.BROKEN)
            .toList();
    List<TestOutcome> flaky = tests.stream().filter(TestOutcome::flaky).toList();
    List<TestOutcome> skipped = tests.stream().filter(t -> t.outcome() == Outcome.SKIPPED).toList();
    long executed = tests.size() - skipped.size();
    long total = tests.size();
    List<Finding> findings = new ArrayList<>();

    if (failed.isEmpty()) {
      findings.add(
          Finding.go(
              Section.INTEGRATION,
              "integration.failed",
              source,
              0.0,
              0.0,
              "tests",
              total,
              null,
              "no integration test failed or broke (" + executed + " run)"));
    } else {
      long broken = failed.stream().filter(t -> t.outcome() == Outcome.BROKEN).count();
      findings.add(
          Finding.notGo(
                  Section.INTEGRATION,
                  "integration.failed",
                  source,
                  rules.requireAllPassed() ? Status.NO_GO : Status.INCONCLUSIVE,
                  Category.SLO_BREACH,
                  (double) failed.size(),
                  0.0,
                  "tests",
                  total,
                  null,
                  failed.size()
                      + " of "
                      + total
                      + " integration tests did not pass ("
                      + (failed.size() - broken)
                      + " failed, "
                      + broken
                      + " broken): "
                      + names(failed, 3))
              .withDetails(failed.stream().map(IntegrationRule::line).toList()));
    }

    if (!flaky.isEmpty()) {
      Status status =
          switch (rules.flaky()) {
            case FAIL -> Status.NO_GO;
            case INCONCLUSIVE -> Status.INCONCLUSIVE;
            case PASS -> Status.GO;
          };
      String reason =
          flaky.size()
              + " integration test(s) failed and then passed on a retry (policy flaky: "
              + rules.flaky().name().toLowerCase(java.util.Locale.ROOT)
              + "): "
              + names(flaky, 3);
      Finding f =
          status == Status.GO
              ? Finding.go(
                  Section.INTEGRATION,
                  "integration.flaky",
                  source,
                  (double) flaky.size(),
                  0.0,
                  "tests",
                  total,
                  null,
                  reason + "; counted as passed, as the policy says")
              : Finding.notGo(
                  Section.INTEGRATION,
                  "integration.flaky",
                  source,
                  status,
                  Category.SLO_BREACH,
                  (double) flaky.size(),
                  0.0,
                  "tests",
                  total,
                  null,
                  reason + "; a flaky result is a signal, not a pass");
      findings.add(f.withDetails(flaky.stream().map(IntegrationRule::line).toList()));
    }

    if (!skipped.isEmpty()) {
      findings.add(
          Finding.notGo(
                  Section.INTEGRATION,
                  "integration.skipped",
                  source,
                  Status.INCONCLUSIVE,
                  Category.INSUFFICIENT_DATA,
                  (double) skipped.size(),
                  0.0,
                  "tests",
                  total,
                  null,
                  skipped.size()
                      + " of "
                      + total
                      + " integration tests were skipped (a skipped suite is not a pass, e.g."
                      + " Docker missing): "
                      + names(skipped, 3))
              .withDetails(skipped.stream().map(IntegrationRule::line).toList()));
    }

    if (executed < rules.minTests()) {
      findings.add(
          Finding.notGo(
              Section.INTEGRATION,
              "integration.min-tests",
              source,
              Status.INCONCLUSIVE,
              Category.INSUFFICIENT_DATA,
              (double) executed,
              (double) rules.minTests(),
              "tests",
              total,
              null,
              executed
                  + " integration tests ran, fewer than the policy's min-tests "
                  + rules.minTests()));
    } else {
      findings.add(
          Finding.go(
              Section.INTEGRATION,
              "integration.min-tests",
              source,
              (double) executed,
              (double) rules.minTests(),
              "tests",
              total,
              null,
              executed + " integration tests ran (min-tests " + rules.minTests() + ")"));
    }
    return findings;
  }

  private static String names(List<TestOutcome> tests, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(max, tests.size()); i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(shortSuite(tests.get(i).suite())).append('.').append(tests.get(i).name());
    }
    if (tests.size() > max) {
      s.append(" and ").append(tests.size() - max).append(" more");
    }
    return s.toString();
  }

  private static String line(TestOutcome t) {
    return t.suite()
        + "."
        + t.name()
        + " "
        + t.outcome().name().toLowerCase(java.util.Locale.ROOT)
        + (t.flaky() ? " (flaky)" : "")
        + (t.message() == null ? "" : ": " + t.message());
  }

  private static String shortSuite(String suite) {
    int dot = suite == null ? -1 : suite.lastIndexOf('.');
    return suite == null ? "" : suite.substring(dot + 1);
  }
}
