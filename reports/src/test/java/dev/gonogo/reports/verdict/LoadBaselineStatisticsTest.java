package dev.gonogo.reports.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.Golden;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.verdict.internal.LoadBaselineRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The baseline comparison on seeded simulated runs, many seeds each, with the rates it must meet
 * (as beta-feedback's GateStatisticsTest does for the gate). Latencies are log-normal (median 50
 * ms, σ 0.5), bucketed as HdrHistogram with 2 significant digits does.
 */
class LoadBaselineStatisticsTest {
  static final ReleasePolicy POLICY = Golden.policy();
  static final int REQUESTS = 2000;
  static final int SEEDS = 200;

  /** A run of {@code n} requests, {@code ko} of them failed, latencies mapped by {@code shape}. */
  static LoadSummary run(String label, long seed, int n, int ko, DoubleUnaryOperator shape) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousDistribution.Sampler sampler =
        LogNormalDistribution.of(Math.log(50), 0.5).createSampler(rng);
    TreeMap<Double, Long> buckets = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      double v = Math.max(1, shape.applyAsDouble(sampler.sample()));
      double magnitude = Math.pow(10, Math.floor(Math.log10(v)) - 1);
      buckets.merge(Math.ceil(v / magnitude) * magnitude, 1L, Long::sum);
    }
    List<List<Double>> list = new ArrayList<>();
    buckets.forEach((value, count) -> list.add(List.of(value, (double) count)));
    LoadSummary.Distribution d =
        new LoadSummary.Distribution(0, 0, 0, 0, Map.of(), new LoadSummary.Histogram(2, list));
    LoadSummary.Entry global =
        new LoadSummary.Entry("global", List.of(), n, n - ko, ko, 100.0 * ko / n, 10, d, d);
    return new LoadSummary(
        LoadSummary.SCHEMA,
        "dev.gonogo.load.SimulatedSimulation",
        "smoke",
        label,
        List.of(),
        0,
        1,
        "passed",
        global,
        List.of(),
        List.of(),
        List.of());
  }

  static List<Finding> compare(LoadSummary candidate, LoadSummary baseline) {
    Evidence e =
        new Evidence(
            new Release("app@2", "app@1", null),
            Input.failed("--integration", "", Input.Problem.NOT_GIVEN, "not given"),
            List.of(Input.of("--load-candidate", "c", candidate)),
            List.of(Input.of("--load-baseline", "b", baseline)),
            Input.failed("--beta-url", "", Input.Problem.NOT_GIVEN, "not given"));
    return new LoadBaselineRule().evaluate(e, POLICY);
  }

  static Status status(List<Finding> findings, String rule) {
    return findings.stream()
        .filter(f -> f.rule().equals(rule))
        .map(Finding::status)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + findings));
  }

  static Status worst(List<Finding> findings) {
    return findings.stream().map(Finding::status).reduce(Status.GO, Status::worst);
  }

  @Test
  void sameBuild_twoRuns_isGoInAtLeast98PercentOfSeeds() {
    int noGo = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      List<Finding> f =
          compare(
              run("candidate", 1000 + seed, REQUESTS, 2, v -> v),
              run("baseline", 5000 + seed, REQUESTS, 2, v -> v));
      if (worst(f) != Status.GO) {
        noGo++;
      }
    }
    assertThat((double) noGo / SEEDS)
        .as("%d of %d same-build pairs not GO", noGo, SEEDS)
        .isLessThanOrEqualTo(0.02);
  }

  @Test
  void doubledLatency_isNoGoInAtLeast99PercentOfSeeds_byTheRankTest() {
    int caught = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      List<Finding> f =
          compare(
              run("candidate", 1000 + seed, REQUESTS, 0, v -> 2 * v),
              run("baseline", 5000 + seed, REQUESTS, 0, v -> v));
      if (status(f, "load.baseline.latency-shift") == Status.NO_GO) {
        caught++;
      }
    }
    assertThat((double) caught / SEEDS).isGreaterThanOrEqualTo(0.99);
  }

  /**
   * A baseline whose every response took under a millisecond, written as 0 ms (load-tests' writer
   * rounds up to 1 ms, another writer need not): the relative shift is undefined, and the
   * comparison must still answer rather than throw.
   */
  @Test
  void aBaselineOfZeroMilliseconds_isCompared_notAnError() {
    LoadSummary zero = run("baseline", 2, REQUESTS, 0, v -> v);
    LoadSummary.Histogram allZero =
        new LoadSummary.Histogram(2, List.of(List.of(0.0, (double) REQUESTS)));
    LoadSummary.Distribution d = new LoadSummary.Distribution(0, 0, 0, 0, Map.of(), allZero);
    LoadSummary baseline =
        new LoadSummary(
            zero.schema(),
            zero.simulation(),
            zero.profile(),
            zero.label(),
            zero.runs(),
            zero.start(),
            zero.end(),
            zero.status(),
            new LoadSummary.Entry("global", List.of(), REQUESTS, REQUESTS, 0, 0.0, 10, d, d),
            zero.groups(),
            zero.requests(),
            zero.assertions());

    List<Finding> f = compare(run("candidate", 1, REQUESTS, 0, v -> v), baseline);

    assertThat(f).extracting(Finding::rule).contains("load.baseline.latency-shift");
  }

  @Test
  void doubledLatency_findingCarriesShiftIntervalAndCategory() {
    List<Finding> f =
        compare(
            run("candidate", 1, REQUESTS, 0, v -> 2 * v), run("baseline", 2, REQUESTS, 0, v -> v));

    Finding shift =
        f.stream()
            .filter(x -> x.rule().equals("load.baseline.latency-shift"))
            .findFirst()
            .orElseThrow();
    assertThat(shift.status()).isEqualTo(Status.NO_GO);
    assertThat(shift.category()).isEqualTo(Category.PRODUCT_REGRESSION);
    assertThat(shift.observed()).isBetween(80.0, 120.0);
    assertThat(shift.interval().low()).isGreaterThan(50.0);
    assertThat(shift.interval().method()).isEqualTo("hodges-lehmann");
    assertThat(shift.sampleSize()).isEqualTo((long) REQUESTS);
    assertThat(shift.reason()).contains("Mann–Whitney").contains("limit +50 % and 10 ms");
  }

  /**
   * A fast endpoint (median ~3 ms) one millisecond slower everywhere: +33 % and significant, but
   * below {@code min-increase-ms}: never NO-GO.
   */
  @Test
  void fastEndpoint_oneMillisecondSlower_isBelowMinIncreaseMs_go() {
    List<Finding> f =
        compare(
            run("candidate", 11, REQUESTS, 0, v -> v / 16 + 1),
            run("baseline", 12, REQUESTS, 0, v -> v / 16));

    assertThat(f)
        .filteredOn(x -> x.rule().startsWith("load.baseline.") && !x.rule().endsWith("error-rate"))
        .isNotEmpty()
        .allSatisfy(x -> assertThat(x.status()).as(x.reason()).isEqualTo(Status.GO));
  }

  /**
   * A shift whose estimate is past the tolerance but whose interval reaches back below it is GO
   * with a warning, not NO-GO: sequential runs drift (docs/verdict.md).
   */
  @Test
  void shiftPastTheToleranceButNotProven_isGoWithAWarning() {
    List<Finding> f =
        compare(run("candidate", 21, 60, 0, v -> v * 1.6), run("baseline", 22, 60, 0, v -> v));

    Finding shift =
        f.stream()
            .filter(x -> x.rule().equals("load.baseline.latency-shift"))
            .findFirst()
            .orElseThrow();
    assertThat(shift.status()).as(shift.reason()).isEqualTo(Status.GO);
    assertThat(shift.observed()).isGreaterThan(50.0);
    assertThat(shift.interval().low()).isLessThan(50.0);
    assertThat(shift.reason()).startsWith("warning: possibly slower than the baseline");
  }

  /** The storm is excluded by the policy: even a doubled latency is not compared, and says so. */
  @Test
  void excludedSimulation_isNotCompared_andSaysSo() {
    List<Finding> f =
        compare(
            asStorm(run("candidate", 31, REQUESTS, 0, v -> 2 * v)),
            asStorm(run("baseline", 32, REQUESTS, 0, v -> v)));

    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo("load.baseline.excluded");
              assertThat(x.status()).isEqualTo(Status.GO);
              assertThat(x.reason()).contains("ReconnectStormSimulation", "exclude-simulations");
            });
  }

  private static LoadSummary asStorm(LoadSummary s) {
    return new LoadSummary(
        s.schema(),
        "dev.gonogo.load.ReconnectStormSimulation",
        s.profile(),
        s.label(),
        s.runs(),
        s.start(),
        s.end(),
        s.status(),
        s.global(),
        s.groups(),
        s.requests(),
        s.assertions());
  }

  /** 3 % of requests take 2× the baseline's p99: p99 doubles, the median moves about 2 %. */
  @Test
  void tailOnlyShift_p99Doubled_medianUnchanged_isCaughtByTheTailCheck() {
    double baseP99 = LogNormalDistribution.of(Math.log(50), 0.5).inverseCumulativeProbability(0.99);
    int caught = 0;
    int shiftFlagged = 0;
    int seeds = 100;
    for (int seed = 0; seed < seeds; seed++) {
      long s = seed;
      UniformRandomProvider coin = RandomSource.XO_RO_SHI_RO_128_PP.create(9000 + s);
      List<Finding> f =
          compare(
              run(
                  "candidate",
                  1000 + s,
                  REQUESTS,
                  0,
                  v -> coin.nextDouble() < 0.03 ? 2 * baseP99 * (1 + 0.1 * coin.nextDouble()) : v),
              run("baseline", 5000 + s, REQUESTS, 0, v -> v));
      if (status(f, "load.baseline.p99-increase") == Status.NO_GO) {
        caught++;
      }
      if (status(f, "load.baseline.latency-shift") == Status.NO_GO) {
        shiftFlagged++;
      }
    }
    assertThat((double) caught / seeds).as("tail check").isGreaterThanOrEqualTo(0.95);
    assertThat(shiftFlagged).as("the rank test alone misses it").isLessThanOrEqualTo(seeds / 20);
  }

  @Test
  void errorRateRise_fromHalfToFivePercent_isNoGo() {
    List<Finding> f =
        compare(
            run("candidate", 1, REQUESTS, 100, v -> v), run("baseline", 2, REQUESTS, 10, v -> v));

    Finding errors =
        f.stream()
            .filter(x -> x.rule().equals("load.baseline.error-rate"))
            .findFirst()
            .orElseThrow();
    assertThat(errors.status()).isEqualTo(Status.NO_GO);
    assertThat(errors.observed()).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(errors.interval().low()).isGreaterThan(0.5);
    assertThat(errors.unit()).isEqualTo("percentage points");
  }

  @Test
  void errorRateRise_belowTolerance_isGo_evenWhenSignificant() {
    List<Finding> f =
        compare(run("candidate", 1, 20000, 60, v -> v), run("baseline", 2, 20000, 0, v -> v));

    assertThat(status(f, "load.baseline.error-rate")).isEqualTo(Status.GO);
  }

  @Test
  void fewErrors_usesFisherExactTest() {
    List<Finding> f =
        compare(run("candidate", 1, 200, 3, v -> v), run("baseline", 2, 200, 0, v -> v));

    Finding errors =
        f.stream()
            .filter(x -> x.rule().equals("load.baseline.error-rate"))
            .findFirst()
            .orElseThrow();
    assertThat(errors.reason()).contains("fisher");
    assertThat(errors.status()).isEqualTo(Status.GO);
  }

  @Test
  void fewerThan30Requests_isInconclusiveInsufficientData() {
    List<Finding> f =
        compare(run("candidate", 1, 29, 0, v -> 2 * v), run("baseline", 2, 500, 0, v -> v));

    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.rule()).isEqualTo("load.baseline.sample-size");
              assertThat(x.status()).isEqualTo(Status.INCONCLUSIVE);
              assertThat(x.category()).isEqualTo(Category.INSUFFICIENT_DATA);
            });
  }

  @Test
  void sameInputs_sameVerdict_bootstrapIsSeeded() {
    LoadSummary c = run("candidate", 1, REQUESTS, 0, v -> v);
    LoadSummary b = run("baseline", 2, REQUESTS, 0, v -> v);

    assertThat(compare(c, b)).isEqualTo(compare(c, b));
  }
}
