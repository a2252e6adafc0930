package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.read.IntegrationResults;
import java.util.ArrayList;
import java.util.List;

/** The integration suites' tests that did not simply pass, and the counts per outcome. */
public final class IntegrationTable {
  private IntegrationTable() {}

  public static String of(IntegrationResults results) {
    long[] counts = new long[IntegrationResults.Outcome.values().length];
    long flaky = 0;
    List<List<String>> rows = new ArrayList<>();
    for (IntegrationResults.TestOutcome t : results.tests()) {
      counts[t.outcome().ordinal()]++;
      if (t.flaky()) {
        flaky++;
      }
      if (t.outcome() != IntegrationResults.Outcome.PASSED || t.flaky()) {
        rows.add(
            List.of(
                t.suite(),
                t.name(),
                t.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (t.flaky() ? " (flaky)" : ""),
                t.message() == null ? "" : t.message()));
      }
    }
    StringBuilder line =
        new StringBuilder(results.tests().size() + " tests from " + results.format() + ":");
    for (IntegrationResults.Outcome outcome : IntegrationResults.Outcome.values()) {
      line.append(' ')
          .append(counts[outcome.ordinal()])
          .append(' ')
          .append(outcome.name().toLowerCase(java.util.Locale.ROOT))
          .append(',');
    }
    line.append(' ').append(flaky).append(" flaky");
    return Html.paragraph(line.toString())
        + (rows.isEmpty() ? "" : Html.table(List.of("suite", "test", "outcome", "message"), rows));
  }
}
