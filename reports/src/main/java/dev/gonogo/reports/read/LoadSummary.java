package dev.gonogo.reports.read;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One load run's summary, as load-tests writes it ({@code gonogo.load-summary/1}, every field in
 * docs/load-summary.md). Unknown fields are ignored so a newer writer stays readable.
 *
 * @param status {@code passed}, {@code failed} or {@code broken}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadSummary(
    String schema,
    String simulation,
    String profile,
    String label,
    List<String> runs,
    long start,
    long end,
    String status,
    Entry global,
    List<Entry> groups,
    List<Entry> requests,
    List<AssertionResult> assertions) {
  public static final String SCHEMA = "gonogo.load-summary/1";

  public LoadSummary {
    runs = runs == null ? List.of() : List.copyOf(runs);
    groups = groups == null ? List.of() : List.copyOf(groups);
    requests = requests == null ? List.of() : List.copyOf(requests);
    assertions = assertions == null ? List.of() : List.copyOf(assertions);
  }

  /** The simulation's short name: {@code CrashFloodSimulation}. */
  public String simulationName() {
    int dot = simulation == null ? -1 : simulation.lastIndexOf('.');
    return simulation == null ? "" : simulation.substring(dot + 1);
  }

  /**
   * Global, every group or every request.
   *
   * @param kind {@code global}, {@code group} or {@code request}
   * @param path group hierarchy, then the request name; empty for global
   * @param responseTimeMs all requests, OK and KO; null when count is 0
   * @param okResponseTimeMs successful requests only; null when there were none
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String kind,
      List<String> path,
      long count,
      long ok,
      long ko,
      double errorPercent,
      double requestsPerSecond,
      Distribution responseTimeMs,
      Distribution okResponseTimeMs) {
    public Entry {
      path = path == null ? List.of() : List.copyOf(path);
    }

    /** {@code ingest / crash event}, or {@code all requests} for global. */
    public String displayName() {
      return path.isEmpty() ? "all requests" : String.join(" / ", path);
    }
  }

  /**
   * A response-time distribution in ms.
   *
   * @param percentiles keys {@code 50}, {@code 75}, {@code 90}, {@code 95}, {@code 99}, {@code
   *     99.9}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Distribution(
      double min,
      double mean,
      double max,
      double stdDev,
      Map<String, Double> percentiles,
      Histogram histogram) {
    public Distribution {
      percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
    }

    /** The percentile under {@code key} ("95", "99", "99.9"); NaN when absent. */
    public double percentile(String key) {
      Double value = percentiles.get(key);
      return value == null ? Double.NaN : value;
    }
  }

  /**
   * The non-empty buckets of an HdrHistogram: {@code [valueMs, count]} pairs, value = the bucket's
   * highest equivalent value, counts summing to the entry's count.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Histogram(int significantDigits, List<List<Double>> buckets) {
    public Histogram {
      buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public long totalCount() {
      long total = 0;
      for (List<Double> bucket : buckets) {
        total += bucket.get(1).longValue();
      }
      return total;
    }
  }

  /**
   * One Gatling assertion evaluated on the run.
   *
   * @param path {@code global}, {@code forAll} or the group/request path
   * @param metric e.g. {@code responseTime.percentile95}, {@code failedRequests.percent}
   * @param actual the run's value; null with {@code error} when it could not be computed
   * @param message Gatling's sentence
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AssertionResult(
      String path,
      List<String> pathParts,
      String metric,
      String condition,
      List<Double> expected,
      Double actual,
      boolean passed,
      String message,
      String error) {
    public AssertionResult {
      pathParts = pathParts == null ? List.of() : List.copyOf(pathParts);
      expected = expected == null ? List.of() : List.copyOf(expected);
    }
  }
}
