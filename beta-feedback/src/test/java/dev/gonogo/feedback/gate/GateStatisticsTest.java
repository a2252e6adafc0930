package dev.gonogo.feedback.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The gate's error rates over simulated beta populations with a known truth, many seeds each
 * (seeded, so every run draws the same populations): false FAIL at most 5 %, a regression large
 * enough to detect missed at most 1 %, and INSUFFICIENT_DATA (never PASS) where the sample is too
 * small. The policy is the bundled release-policy.yaml, as shipped.
 */
class GateStatisticsTest {
  private static final Policy POLICY = PolicyFile.bundled();
  private static final int SEEDS = 300;

  /** A realistic beta: 99.8 % crash-free sessions, five sessions per user. */
  private static final double BASE_RATE = 0.002;

  private static Map<Status, Integer> outcomes(
      BetaPopulation candidate, BetaPopulation baseline, Function<GateResult, Status> of) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (int seed = 0; seed < SEEDS; seed++) {
      UniformRandomProvider rng = BetaPopulation.rng(seed);
      GateInput input =
          BetaPopulation.input(candidate.draw(rng), baseline == null ? null : baseline.draw(rng));
      counts.merge(of.apply(Gate.evaluate(input, POLICY)), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<Status, Integer> verdicts(BetaPopulation candidate, BetaPopulation baseline) {
    return outcomes(candidate, baseline, GateResult::status);
  }

  private static Function<GateResult, Status> rule(String name) {
    return r ->
        r.findings().stream().filter(f -> f.rule().equals(name)).findFirst().orElseThrow().status();
  }

  private static double share(Map<Status, Integer> counts, Status status) {
    return counts.getOrDefault(status, 0) / (double) SEEDS;
  }

  @Test
  void equalCrashRates_largeSample_falseFailAtMost5Percent_andMostlyPass() {
    BetaPopulation release = BetaPopulation.of(500_000, BASE_RATE);
    Map<Status, Integer> v = verdicts(release, release);
    assertThat(share(v, Status.FAIL)).as("false FAIL rate %s", v).isLessThanOrEqualTo(0.05);
    assertThat(share(v, Status.PASS)).as("PASS rate %s", v).isGreaterThanOrEqualTo(0.90);
  }

  /**
   * At 20,000 sessions a release equal to its baseline is not yet shown to be within the allowed
   * increase: the gate says so (INSUFFICIENT_DATA) rather than FAIL, and never FAILs falsely.
   */
  @Test
  void equalCrashRates_moderateSample_neverFalselyFails() {
    BetaPopulation release = BetaPopulation.of(20_000, BASE_RATE);
    Map<Status, Integer> v = verdicts(release, release);
    assertThat(share(v, Status.FAIL)).as("false FAIL rate %s", v).isLessThanOrEqualTo(0.05);
  }

  @Test
  void largeRegression_threeTimesTheCrashRate_missedAtMost1Percent() {
    Map<Status, Integer> v =
        verdicts(BetaPopulation.of(200_000, 3 * BASE_RATE), BetaPopulation.of(200_000, BASE_RATE));
    assertThat(share(v, Status.FAIL)).as("detected %s", v).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void smallRegression_twentyPercentPastTheAllowedIncrease_missedAtMost1PercentWithEnoughData() {
    // allowed: 0.2 % + max(25 % of 0.2 %, 0.1 pp) = 0.3 %; the candidate crashes at 0.36 %.
    Map<Status, Integer> v =
        outcomes(
            BetaPopulation.of(2_000_000, 0.0036),
            BetaPopulation.of(2_000_000, BASE_RATE),
            rule("crash-rate-vs-baseline"));
    assertThat(share(v, Status.FAIL)).as("detected %s", v).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void smallRegression_tooFewSessionsToDetect_isInsufficientData_neverPass() {
    Map<Status, Integer> v =
        outcomes(
            BetaPopulation.of(20_000, 0.0036),
            BetaPopulation.of(20_000, BASE_RATE),
            rule("crash-rate-vs-baseline"));
    assertThat(share(v, Status.PASS)).as("missed as PASS %s", v).isLessThanOrEqualTo(0.01);
    assertThat(share(v, Status.INSUFFICIENT_DATA)).as("%s", v).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void sparseCrashes_equalRates_falseFailAtMost5Percent() {
    BetaPopulation release = BetaPopulation.of(50_000, 0.0002);
    Map<Status, Integer> v = verdicts(release, release);
    assertThat(share(v, Status.FAIL)).as("false FAIL rate %s", v).isLessThanOrEqualTo(0.05);
    assertThat(share(v, Status.PASS)).as("PASS rate %s", v).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void oneNewSignatureHittingOnePercentOfSessions_failsTheNewSignatureRule() {
    BetaPopulation baseline = BetaPopulation.of(100_000, BASE_RATE);
    Map<Status, Integer> v =
        outcomes(baseline.withNewSignature(0.01), baseline, rule("new-signature-share"));
    assertThat(share(v, Status.FAIL)).as("detected %s", v).isGreaterThanOrEqualTo(0.99);
    Map<Status, Integer> none = outcomes(baseline, baseline, rule("new-signature-share"));
    assertThat(share(none, Status.FAIL)).as("false FAIL %s", none).isLessThanOrEqualTo(0.05);
  }

  @Test
  void tinySamples_areInsufficientData_evenWithARegression() {
    BetaPopulation baseline = BetaPopulation.of(100_000, BASE_RATE);
    Map<Status, Integer> equal = verdicts(BetaPopulation.of(300, BASE_RATE), baseline);
    assertThat(share(equal, Status.INSUFFICIENT_DATA)).as("%s", equal).isEqualTo(1.0);
    Map<Status, Integer> regressed = verdicts(BetaPopulation.of(300, 0.05), baseline);
    assertThat(share(regressed, Status.INSUFFICIENT_DATA)).as("%s", regressed).isEqualTo(1.0);
  }

  @Test
  void noSessionsAtAll_isInsufficientData_notHealthy() {
    GateResult r =
        Gate.evaluate(
            BetaPopulation.input(BetaPopulation.of(0, BASE_RATE).draw(BetaPopulation.rng(1)), null),
            POLICY);
    assertThat(r.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(r.findings())
        .filteredOn(f -> f.rule().equals("crash-free-sessions"))
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("no data is not 100 % crash-free"));
  }

  /**
   * The gate checked at 20 looks while the same beta accrues from 10,000 to 200,000 sessions per
   * release: a FAIL at any look is a false FAIL. The anytime intervals keep the rate at most 5 %;
   * naive fixed-sample intervals would not.
   */
  @Test
  void repeatedChecksWhileDataAccrues_equalRates_falseFailAtAnyLookAtMost5Percent() {
    int everFailed = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      UniformRandomProvider rng = BetaPopulation.rng(10_000 + seed);
      Accrual candidate = new Accrual();
      Accrual baseline = new Accrual();
      boolean failed = false;
      for (int look = 1; look <= 20; look++) {
        candidate.add(BetaPopulation.of(10_000, BASE_RATE).draw(rng));
        baseline.add(BetaPopulation.of(10_000, BASE_RATE).draw(rng));
        GateResult r = Gate.evaluate(BetaPopulation.input(candidate.now(), baseline.now()), POLICY);
        failed |= r.status() == Status.FAIL;
      }
      everFailed += failed ? 1 : 0;
    }
    assertThat(everFailed / (double) SEEDS)
        .as("releases failed at some look: %d of %d", everFailed, SEEDS)
        .isLessThanOrEqualTo(0.05);
  }

  @Test
  void repeatedChecksWhileDataAccrues_regression_isFailedByTheLastLook() {
    int failedAtEnd = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      UniformRandomProvider rng = BetaPopulation.rng(20_000 + seed);
      Accrual candidate = new Accrual();
      Accrual baseline = new Accrual();
      GateResult last = null;
      for (int look = 1; look <= 20; look++) {
        candidate.add(BetaPopulation.of(10_000, 3 * BASE_RATE).draw(rng));
        baseline.add(BetaPopulation.of(10_000, BASE_RATE).draw(rng));
        last = Gate.evaluate(BetaPopulation.input(candidate.now(), baseline.now()), POLICY);
      }
      failedAtEnd += last.status() == Status.FAIL ? 1 : 0;
    }
    assertThat(failedAtEnd / (double) SEEDS).isGreaterThanOrEqualTo(0.99);
  }

  /** Draws summed look after look, as rollups sum the data that arrives. */
  private static final class Accrual {
    private BetaPopulation.Drawn sum;

    void add(BetaPopulation.Drawn d) {
      if (sum == null) {
        sum = d;
        return;
      }
      GateInput.Health a = sum.health();
      GateInput.Health b = d.health();
      long[] sigs = sum.signatureCrashes().clone();
      for (int i = 0; i < sigs.length; i++) {
        sigs[i] += d.signatureCrashes()[i];
      }
      sum =
          new BetaPopulation.Drawn(
              new GateInput.Health(
                  a.sessions() + b.sessions(),
                  a.crashed() + b.crashed(),
                  a.users() + b.users(),
                  a.crashedUsers() + b.crashedUsers()),
              merge(sum.platforms(), d.platforms()),
              merge(sum.devices(), d.devices()),
              sigs,
              sum.newSignatureCrashes() + d.newSignatureCrashes());
    }

    BetaPopulation.Drawn now() {
      return sum;
    }

    private static java.util.List<GateInput.Group> merge(
        java.util.List<GateInput.Group> a, java.util.List<GateInput.Group> b) {
      java.util.List<GateInput.Group> out = new java.util.ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(
            new GateInput.Group(
                a.get(i).value(),
                a.get(i).sessions() + b.get(i).sessions(),
                a.get(i).crashed() + b.get(i).crashed()));
      }
      return out;
    }
  }
}
