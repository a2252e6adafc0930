package dev.gonogo.load.summary;

import dev.gonogo.load.summary.Summary.AssertionOutcome;
import dev.gonogo.load.summary.Summary.Distribution;
import dev.gonogo.load.summary.Summary.Entry;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a summary's assertion on other figures (a merged summary), with Gatling's meaning of
 * each metric: response times over all requests (OK and KO), percentages of all requests, means per
 * second over the run. Used where Gatling's own validator cannot run (it needs a {@code
 * simulation.log}); on a single run it gives Gatling's answer ({@code EvaluateTest}).
 */
final class Evaluate {
  private Evaluate() {}

  static AssertionOutcome again(AssertionOutcome original, Summary summary) {
    List<Entry> entries =
        switch (original.path()) {
          case "global" -> List.of(summary.global());
          case "forAll" -> summary.requests();
          default -> summary.entry(original.pathParts()).map(List::of).orElse(List.of());
        };
    if (entries.isEmpty()) {
      return with(original, null, false, "no statistics for " + original.path());
    }
    Double worst = null;
    boolean passed = true;
    for (Entry entry : entries) {
      Optional<Double> actual = actual(original.metric(), entry);
      if (actual.isEmpty()) {
        return with(
            original, null, false, "cannot compute " + original.metric() + " of " + entry.name());
      }
      boolean ok = holds(original.condition(), original.expected(), actual.get());
      if (worst == null || !ok) {
        worst = actual.get();
      }
      passed &= ok;
    }
    return with(original, worst, passed, null);
  }

  static Optional<Double> actual(String metric, Entry entry) {
    Distribution d = entry.responseTimeMs();
    if (metric.startsWith("responseTime.")) {
      if (d == null) {
        return Optional.empty();
      }
      String stat = metric.substring("responseTime.".length());
      return Optional.of(
          switch (stat) {
            case "min" -> (double) d.min();
            case "max" -> (double) d.max();
            case "mean" -> d.mean();
            case "stdDev" -> d.stdDev();
            default -> {
              String key = stat.substring("percentile".length());
              Long known = d.percentiles().get(key);
              yield known != null
                  ? (double) known
                  : (double) d.histogram().toLatency().percentile(Double.parseDouble(key));
            }
          });
    }
    return switch (metric) {
      case "allRequests.count" -> Optional.of((double) entry.count());
      case "successfulRequests.count" -> Optional.of((double) entry.ok());
      case "failedRequests.count" -> Optional.of((double) entry.ko());
      case "allRequests.percent" -> Optional.of(entry.count() == 0 ? 0.0 : 100.0);
      case "successfulRequests.percent" ->
          Optional.of(entry.count() == 0 ? 0.0 : 100.0 * entry.ok() / entry.count());
      case "failedRequests.percent" -> Optional.of(entry.errorPercent());
      case "requestsPerSec" -> Optional.of(entry.requestsPerSecond());
      default -> Optional.empty();
    };
  }

  static boolean holds(String condition, List<Double> expected, double actual) {
    return switch (condition) {
      case "lt" -> actual < expected.get(0);
      case "lte" -> actual <= expected.get(0);
      case "gt" -> actual > expected.get(0);
      case "gte" -> actual >= expected.get(0);
      case "is" -> actual == expected.get(0);
      case "between" -> actual >= expected.get(0) && actual <= expected.get(1);
      case "in" -> expected.contains(actual);
      default -> false;
    };
  }

  private static AssertionOutcome with(
      AssertionOutcome original, Double actual, boolean passed, String error) {
    return new AssertionOutcome(
        original.path(),
        original.pathParts(),
        original.metric(),
        original.condition(),
        original.expected(),
        actual,
        passed,
        original.message(),
        error);
  }
}
