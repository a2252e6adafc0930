package dev.gonogo.load.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The machine-readable result of one load run, or of several injectors' runs merged: what the
 * verdict reads. Schema: docs/load-summary.md ({@value #SCHEMA}).
 *
 * @param schema always {@value #SCHEMA}
 * @param simulation the simulation's class name
 * @param profile the load profile (smoke, realistic, capacity)
 * @param label what the run measured, e.g. {@code candidate} or {@code baseline}
 * @param runs the Gatling run folders this summary is made of; several for merged injectors
 * @param start first request's start, epoch milliseconds
 * @param end last request's end, epoch milliseconds
 * @param status {@code passed}: every assertion passed; {@code failed}: one did not; {@code
 *     broken}: the run produced no request or an assertion could not be evaluated
 * @param global every request of the run
 * @param groups every Gatling group (path = the group hierarchy)
 * @param requests every request name (path = its groups, then its name)
 * @param assertions every assertion of the run with its actual value
 * @param capacity the capacity profile's steps; absent for other runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(
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
    List<AssertionOutcome> assertions,
    Capacity capacity) {
  public static final String SCHEMA = "gonogo.load-summary/1";

  public Summary {
    Objects.requireNonNull(simulation, "simulation");
    runs = List.copyOf(runs);
    groups = List.copyOf(groups);
    requests = List.copyOf(requests);
    assertions = List.copyOf(assertions);
  }

  public boolean passed() {
    return "passed".equals(status);
  }

  /** The assertions that did not pass. */
  public List<AssertionOutcome> failures() {
    return assertions.stream().filter(a -> !a.passed()).toList();
  }

  /** The entry of a group or request path, if the run had it. */
  public java.util.Optional<Entry> entry(List<String> path) {
    return java.util.stream.Stream.concat(groups.stream(), requests.stream())
        .filter(e -> e.path().equals(path))
        .findFirst();
  }

  /**
   * Statistics of one request name, one group or the whole run.
   *
   * @param kind {@code global}, {@code group} or {@code request}
   * @param path group hierarchy, then the request name for a request; empty for global
   * @param count requests (for a group: executions of the group)
   * @param ok answered and passed every check
   * @param ko failed
   * @param errorPercent ko / count x 100; 0 when count is 0
   * @param requestsPerSecond count over the run's duration
   * @param responseTimeMs every request (OK and KO), as Gatling's assertions count them
   * @param okResponseTimeMs successful requests only; absent when there were none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
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
      path = List.copyOf(path);
      if (ok + ko != count) {
        throw new IllegalArgumentException("ok + ko must equal count for " + path);
      }
    }

    /** Path as one string: {@code ingest / session start}; {@code all} for global. */
    public String name() {
      return path.isEmpty() ? "all" : String.join(" / ", path);
    }
  }

  /**
   * Response times in milliseconds.
   *
   * @param percentiles keys {@code 50}, {@code 75}, {@code 90}, {@code 95}, {@code 99}, {@code
   *     99.9}; from Gatling's reader for one run, from the merged histogram for merged runs
   * @param histogram the distribution, for merging
   */
  public record Distribution(
      long min,
      double mean,
      long max,
      double stdDev,
      Map<String, Long> percentiles,
      Histogram histogram) {
    public static final List<String> PERCENTILES = List.of("50", "75", "90", "95", "99", "99.9");
  }

  /** {@link LatencyHistogram}'s buckets: {@code [value ms, count]}, value the bucket's top. */
  public record Histogram(int significantDigits, List<long[]> buckets) {
    public LatencyHistogram toLatency() {
      return LatencyHistogram.fromBuckets(buckets);
    }

    public static Histogram of(LatencyHistogram histogram) {
      return new Histogram(LatencyHistogram.SIGNIFICANT_DIGITS, histogram.buckets());
    }
  }

  /**
   * One assertion and how the run did against it.
   *
   * @param path {@code global}, {@code forAll} or the group/request path, e.g. {@code ingest}
   * @param metric what was measured: {@code responseTime.percentile95}, {@code
   *     failedRequests.percent}, {@code allRequests.count}, {@code requestsPerSec}, ...
   * @param condition {@code lt}, {@code lte}, {@code gt}, {@code gte}, {@code is}, {@code between},
   *     {@code in}
   * @param expected the condition's values
   * @param actual the run's value; absent when it could not be computed (see {@code error})
   * @param message Gatling's sentence for it, e.g. "Global: 95th percentile of response time is
   *     less than or equal to 500.0"
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AssertionOutcome(
      String path,
      List<String> pathParts,
      String metric,
      String condition,
      List<Double> expected,
      Double actual,
      boolean passed,
      String message,
      String error) {}

  /**
   * The capacity profile's result: each step with its SLO outcome, and the highest step that met
   * every SLO (absent when none did).
   */
  public record Capacity(List<Step> steps, Integer highestPassingStep, Double highestPassingRate) {}

  /** One arrival-rate step of a capacity run. */
  public record Step(
      int step,
      double usersPerSecond,
      long count,
      double requestsPerSecond,
      double errorPercent,
      long p95Ms,
      long p99Ms,
      boolean meetsSlos,
      List<String> missed) {}
}
