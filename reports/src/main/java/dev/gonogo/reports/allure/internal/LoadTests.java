package dev.gonogo.reports.allure.internal;

import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load section: one test per SLO assertion finding ({@code load.slo.*}), one test per request
 * group of each candidate simulation (the whole run when it has no groups) with its statistics
 * table and percentile chart, candidate against baseline, and the load findings of that group as
 * steps. A load finding about a subject no candidate group has (a simulation the candidate did not
 * run) still gets a test of its own.
 */
public final class LoadTests {
  public static final String SLO_PREFIX = "load.slo.";
  private static final String SEVERITY = "critical";

  private LoadTests() {}

  /** {@code CrashFloodSimulation / ingest}: how findings name a group. */
  public static String subject(LoadSummary summary, LoadSummary.Entry entry) {
    return summary.simulationName() + " / " + entry.displayName();
  }

  public static void write(
      ResultSink sink,
      List<Finding> findings,
      List<Input<LoadSummary>> candidates,
      List<Input<LoadSummary>> baselines) {
    List<Finding> load = findings.stream().filter(f -> f.section() == Section.LOAD).toList();
    String suite = ResultSink.suite(Section.LOAD);
    String feature = ResultSink.feature(Section.LOAD);
    for (Finding finding : load) {
      if (finding.rule().startsWith(SLO_PREFIX)) {
        TestResult test =
            sink.test(
                "load.slo/" + finding.rule() + "/" + finding.subject(),
                "SLO " + finding.rule().substring(SLO_PREFIX.length()) + " — " + finding.subject(),
                suite,
                feature,
                "SLOs");
        ResultSink.judge(test, finding);
        ResultSink.severity(test, SEVERITY);
        test.getLabels().add(ResultSink.label("story", finding.rule()));
        test.setSteps(new ArrayList<>(List.of(sink.step(finding))));
        sink.write(test);
      }
    }
    Set<String> covered = new LinkedHashSet<>();
    for (Input<LoadSummary> input : candidates) {
      if (!input.isPresent()) {
        continue;
      }
      LoadSummary candidate = input.value();
      LoadSummary baseline = baselineOf(candidate, baselines).orElse(null);
      List<LoadSummary.Entry> entries = candidate.groups();
      if (entries.isEmpty()) {
        // No groups: the whole run is the one group (a broken run may lack even its global entry).
        entries =
            List.of(
                candidate.global() != null
                    ? candidate.global()
                    : new LoadSummary.Entry("global", List.of(), 0, 0, 0, 0, 0, null, null));
      }
      for (LoadSummary.Entry group : entries) {
        String subject = subject(candidate, group);
        covered.add(subject);
        List<Finding> judged =
            load.stream()
                .filter(f -> f.subject().equals(subject) && !f.rule().startsWith(SLO_PREFIX))
                .toList();
        writeGroup(sink, candidate, baseline, group, subject, judged, suite, feature);
      }
    }
    for (Finding finding : load) {
      if (!finding.rule().startsWith(SLO_PREFIX) && !covered.contains(finding.subject())) {
        TestResult test =
            sink.test(
                "load/" + finding.rule() + "/" + finding.subject(),
                finding.rule() + " — " + finding.subject(),
                suite,
                feature,
                "Baseline");
        ResultSink.judge(test, finding);
        ResultSink.severity(test, SEVERITY);
        test.setSteps(new ArrayList<>(List.of(sink.step(finding))));
        sink.write(test);
      }
    }
  }

  private static void writeGroup(
      ResultSink sink,
      LoadSummary candidate,
      LoadSummary baseline,
      LoadSummary.Entry group,
      String subject,
      List<Finding> judged,
      String suite,
      String feature) {
    TestResult test =
        sink.test("load.group/" + subject, subject, suite, feature, candidate.simulationName());
    ResultSink.severity(test, SEVERITY);
    Status status = judged.stream().map(Finding::status).reduce(Status.GO, Status::worst);
    Finding worst = judged.stream().filter(f -> f.status() == status).findFirst().orElse(null);
    String sentence = sentence(candidate, group, baseline, judged);
    if (worst == null || worst.status() == Status.GO) {
      ResultSink.judge(test, Status.GO, null, sentence, null);
    } else {
      ResultSink.judge(test, worst.status(), worst.category(), worst.reason(), sentence);
    }
    test.setSteps(new ArrayList<>(judged.stream().map(sink::step).toList()));
    LoadSummary.Entry baselineGroup = baseline == null ? null : find(baseline, group).orElse(null);
    String stats = LoadTables.stats(candidate, baseline, group);
    String comparisons = judged.isEmpty() ? "" : FindingTable.of(judged);
    test.setDescriptionHtml(
        Html.style()
            + Html.paragraph(sentence)
            + stats
            + (comparisons.isEmpty() ? "" : comparisons));
    sink.attachHtml(
        test,
        "Statistics: " + subject,
        Html.page(
            subject
                + " — candidate "
                + candidate.label()
                + (baseline == null ? "" : " vs baseline"),
            stats,
            comparisons.isEmpty()
                ? Html.paragraph("No baseline comparison was made for this group.")
                : "<h4>Baseline comparison</h4>" + comparisons));
    sink.attachPng(
        test,
        "Response time by percentile: " + subject,
        Charts.percentileCurve(
            subject + " — response time by percentile",
            group.responseTimeMs(),
            baselineGroup == null ? null : baselineGroup.responseTimeMs()));
    sink.write(test);
  }

  private static String sentence(
      LoadSummary candidate, LoadSummary.Entry group, LoadSummary baseline, List<Finding> judged) {
    StringBuilder line =
        new StringBuilder(subject(candidate, group))
            .append(": ")
            .append(Html.number((double) group.count()))
            .append(" requests, ")
            .append(Html.number(group.errorPercent()))
            .append(" % errors");
    if (group.responseTimeMs() != null) {
      line.append(", p95 ")
          .append(Html.number(group.responseTimeMs().percentile("95")))
          .append(" ms, p99 ")
          .append(Html.number(group.responseTimeMs().percentile("99")))
          .append(" ms");
    }
    if (baseline == null) {
      line.append("; no baseline summary for this simulation");
    } else if (judged.isEmpty()) {
      line.append("; no baseline comparison finding for this group");
    } else {
      long passed = judged.stream().filter(f -> f.status() == Status.GO).count();
      line.append("; ")
          .append(passed)
          .append(" of ")
          .append(judged.size())
          .append(" comparisons passed");
    }
    return line.toString();
  }

  static Optional<LoadSummary> baselineOf(
      LoadSummary candidate, List<Input<LoadSummary>> baselines) {
    return baselines.stream()
        .filter(Input::isPresent)
        .map(Input::value)
        .filter(b -> b.simulation() != null && b.simulation().equals(candidate.simulation()))
        .findFirst();
  }

  static Optional<LoadSummary.Entry> find(LoadSummary summary, LoadSummary.Entry like) {
    List<LoadSummary.Entry> all = new ArrayList<>();
    if (summary.global() != null) {
      all.add(summary.global());
    }
    all.addAll(summary.groups());
    all.addAll(summary.requests());
    return all.stream()
        .filter(e -> e.kind().equals(like.kind()) && e.path().equals(like.path()))
        .findFirst();
  }
}
