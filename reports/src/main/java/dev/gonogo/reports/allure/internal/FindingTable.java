package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.verdict.Finding;
import java.util.ArrayList;
import java.util.List;

/** Findings as an HTML table: status, rule, subject, figures and the sentence. */
public final class FindingTable {
  private FindingTable() {}

  public static String of(List<Finding> findings) {
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings) {
      rows.add(
          List.of(
              f.status().label(),
              f.category() == null ? "" : f.category().label(),
              f.rule(),
              f.subject(),
              f.observed() == null ? "—" : ResultSink.withUnit(f.observed(), f),
              f.threshold() == null ? "—" : ResultSink.withUnit(f.threshold(), f),
              f.sampleSize() == null ? "—" : Html.number((double) f.sampleSize()),
              f.interval() == null ? "—" : ResultSink.interval(f.interval(), f),
              f.reason()));
    }
    return Html.table(
        List.of(
            "status",
            "category",
            "rule",
            "subject",
            "observed",
            "threshold",
            "sample",
            "interval",
            "reason"),
        rows);
  }
}
