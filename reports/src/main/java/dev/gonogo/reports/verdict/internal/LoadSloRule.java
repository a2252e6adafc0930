package dev.gonogo.reports.verdict.internal;

import dev.gonogo.load.policy.Slo;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.read.LoadSummary.AssertionResult;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Rule;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate's SLOs: one finding per assertion of each load summary (Gatling evaluated them from
 * the policy), a broken run is INCONCLUSIVE, and every SLO group of the policy must have been
 * exercised by at least one summary.
 */
public final class LoadSloRule implements Rule {
  @Override
  public String name() {
    return "load.slo";
  }

  @Override
  public Section section() {
    return Section.LOAD;
  }

  @Override
  public List<Finding> evaluate(Evidence e, ReleasePolicy policy) {
    List<LoadSummary> summaries =
        e.loadCandidate().stream().filter(Input::isPresent).map(Input::value).toList();
    if (summaries.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (LoadSummary s : summaries) {
      String sim = s.simulationName();
      if ("broken".equals(s.status())) {
        findings.add(
            Finding.notGo(
                Section.LOAD,
                "load.slo.run",
                sim,
                Status.INCONCLUSIVE,
                Category.INFRASTRUCTURE,
                (double) s.global().count(),
                null,
                "requests",
                s.global().count(),
                null,
                sim
                    + " run is broken (no request at all, or an assertion could not be"
                    + " evaluated): its SLOs show nothing"));
      }
      if (s.assertions().isEmpty()) {
        findings.add(
            Finding.notGo(
                Section.LOAD,
                "load.slo.assertions",
                sim,
                Status.INCONCLUSIVE,
                Category.INSUFFICIENT_DATA,
                null,
                null,
                "",
                s.global().count(),
                null,
                sim + " summary holds no assertion: no SLO was checked"));
      }
      for (AssertionResult a : s.assertions()) {
        findings.add(assertion(s, a));
      }
    }
    for (Slo slo : policy.load().slos()) {
      long exercised =
          summaries.stream()
              .mapToLong(s -> slo.isGlobal() ? s.global().count() : groupCount(s, slo.group()))
              .sum();
      String rule = "load.slo.coverage";
      String subject = slo.group();
      if (exercised > 0) {
        findings.add(
            Finding.go(
                Section.LOAD,
                rule,
                subject,
                (double) exercised,
                1.0,
                "requests",
                exercised,
                null,
                "SLO group " + slo.group() + " was exercised (" + exercised + " requests)"));
      } else {
        findings.add(
            Finding.notGo(
                Section.LOAD,
                rule,
                subject,
                Status.INCONCLUSIVE,
                Category.INSUFFICIENT_DATA,
                0.0,
                1.0,
                "requests",
                0L,
                null,
                "no load summary exercised the policy's SLO group "
                    + slo.group()
                    + ": its SLO was never checked"));
      }
    }
    return findings;
  }

  private static long groupCount(LoadSummary s, String group) {
    return s.groups().stream()
        .filter(g -> !g.path().isEmpty() && g.path().get(0).equals(group))
        .mapToLong(LoadSummary.Entry::count)
        .sum();
  }

  private static Finding assertion(LoadSummary s, AssertionResult a) {
    String sim = s.simulationName();
    String where = a.pathParts().isEmpty() ? a.path() : String.join(" / ", a.pathParts());
    String subject = sim + " / " + where;
    String rule = "load.slo." + metric(a.metric());
    Double threshold = a.expected().isEmpty() ? null : a.expected().get(0);
    long sample = sampleOf(s, a);
    String unit = unit(a.metric());
    if (a.error() != null || a.actual() == null) {
      return Finding.notGo(
          Section.LOAD,
          rule,
          subject,
          Status.INCONCLUSIVE,
          Category.INFRASTRUCTURE,
          null,
          threshold,
          unit,
          sample,
          null,
          sim + ": " + a.message() + " could not be evaluated: " + a.error());
    }
    String reason =
        sim
            + ": "
            + a.message()
            + " — actual "
            + Findings.num(a.actual())
            + (unit.isEmpty() ? "" : " " + unit)
            + " ("
            + sample
            + " requests)";
    return a.passed()
        ? Finding.go(Section.LOAD, rule, subject, a.actual(), threshold, unit, sample, null, reason)
        : Finding.notGo(
            Section.LOAD,
            rule,
            subject,
            Status.NO_GO,
            Category.SLO_BREACH,
            a.actual(),
            threshold,
            unit,
            sample,
            null,
            "missed: " + reason);
  }

  private static long sampleOf(LoadSummary s, AssertionResult a) {
    if (a.pathParts().isEmpty()) {
      return s.global().count();
    }
    for (LoadSummary.Entry g : s.groups()) {
      if (g.path().equals(a.pathParts())) {
        return g.count();
      }
    }
    for (LoadSummary.Entry r : s.requests()) {
      if (r.path().equals(a.pathParts())) {
        return r.count();
      }
    }
    return s.global().count();
  }

  /** {@code responseTime.percentile95} → {@code p95}; others keep Gatling's words. */
  static String metric(String metric) {
    if (metric == null) {
      return "assertion";
    }
    if (metric.startsWith("responseTime.percentile")) {
      String p = metric.substring("responseTime.percentile".length());
      return "p" + (p.endsWith(".0") ? p.substring(0, p.length() - 2) : p);
    }
    return switch (metric) {
      case "failedRequests.percent" -> "error-percent";
      case "requestsPerSec" -> "throughput";
      case "allRequests.count" -> "request-count";
      default -> metric;
    };
  }

  private static String unit(String metric) {
    if (metric == null) {
      return "";
    }
    if (metric.startsWith("responseTime")) {
      return "ms";
    }
    if (metric.endsWith(".percent")) {
      return "%";
    }
    if (metric.equals("requestsPerSec")) {
      return "requests/s";
    }
    if (metric.endsWith(".count")) {
      return "requests";
    }
    return "";
  }
}
