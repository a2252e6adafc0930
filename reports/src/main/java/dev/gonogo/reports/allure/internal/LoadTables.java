package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.read.LoadSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics table of a request group: the group, then its requests; candidate over baseline.
 */
final class LoadTables {
  private static final List<String> HEADER =
      List.of(
          "entry", "run", "count", "ok", "ko", "error %", "req/s", "min", "mean", "p50", "p75",
          "p95", "p99", "max");

  private LoadTables() {}

  static String stats(LoadSummary candidate, LoadSummary baseline, LoadSummary.Entry group) {
    List<LoadSummary.Entry> entries = new ArrayList<>();
    entries.add(group);
    for (LoadSummary.Entry request : candidate.requests()) {
      if (group.path().isEmpty() || startsWith(request.path(), group.path())) {
        entries.add(request);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (LoadSummary.Entry entry : entries) {
      rows.add(row(entry, "candidate"));
      if (baseline != null) {
        LoadTests.find(baseline, entry)
            .ifPresentOrElse(b -> rows.add(row(b, "baseline")), () -> rows.add(missing(entry)));
      }
    }
    return "<p>Response times in ms over all requests (OK and KO), as Gatling's assertions count them.</p>"
        + Html.table(HEADER, rows);
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static List<String> row(LoadSummary.Entry e, String run) {
    LoadSummary.Distribution d = e.responseTimeMs();
    List<String> row = new ArrayList<>();
    row.add(e.displayName());
    row.add(run);
    row.add(Html.number((double) e.count()));
    row.add(Html.number((double) e.ok()));
    row.add(Html.number((double) e.ko()));
    row.add(Html.number(e.errorPercent()));
    row.add(Html.number(e.requestsPerSecond()));
    if (d == null) {
      for (int i = 0; i < 7; i++) {
        row.add("—");
      }
    } else {
      row.add(Html.number(d.min()));
      row.add(Html.number(d.mean()));
      row.add(Html.number(d.percentile("50")));
      row.add(Html.number(d.percentile("75")));
      row.add(Html.number(d.percentile("95")));
      row.add(Html.number(d.percentile("99")));
      row.add(Html.number(d.max()));
    }
    return row;
  }

  private static List<String> missing(LoadSummary.Entry e) {
    List<String> row = new ArrayList<>();
    row.add(e.displayName());
    row.add("baseline");
    for (int i = 2; i < HEADER.size(); i++) {
      row.add(i == 2 ? "not in the baseline run" : "—");
    }
    return row;
  }
}
