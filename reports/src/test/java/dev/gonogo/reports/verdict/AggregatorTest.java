package dev.gonogo.reports.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.Golden;
import dev.gonogo.reports.policy.IntegrationPolicy;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.read.internal.IntegrationReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatorTest {
  static final ReleasePolicy POLICY = Golden.policy();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);

  static Evidence integrationOnly(Input<IntegrationResults> integration) {
    return new Evidence(
        new Release("app@2", null, null),
        integration,
        List.of(),
        List.of(),
        Input.failed("--beta-url", "", Input.Problem.NOT_GIVEN, "not given"),
        Set.of(Section.LOAD, Section.BETA));
  }

  static ReleasePolicy withFlaky(IntegrationPolicy.Flaky flaky) {
    return new ReleasePolicy(
        POLICY.source(), new IntegrationPolicy(true, flaky, 1), POLICY.load(), POLICY.bytes());
  }

  @Test
  void throwingRule_isRecordedInconclusiveByName_andTheOthersStillRun() {
    Rule broken =
        new Rule() {
          @Override
          public String name() {
            return "load.exploding";
          }

          @Override
          public Section section() {
            return Section.LOAD;
          }

          @Override
          public List<Finding> evaluate(Evidence evidence, ReleasePolicy policy) {
            throw new IllegalStateException("boom");
          }
        };
    List<Rule> rules = new java.util.ArrayList<>(Aggregator.RULES);
    rules.add(0, broken);
    Evidence e =
        integrationOnly(
            IntegrationReader.read("--integration", Golden.path("integration/junit-passed")));

    Verdict v = Aggregator.aggregate(e, POLICY, CLOCK, rules);

    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.findings().get(0).rule()).isEqualTo("load.exploding");
    assertThat(v.findings().get(0).reason()).contains("boom");
    assertThat(v.findings())
        .anySatisfy(f -> assertThat(f.rule()).isEqualTo("integration.min-tests"));
    assertThat(v.evaluatedAt()).isEqualTo(CLOCK.instant());
  }

  @ParameterizedTest(name = "flaky: {0} -> {1}")
  @CsvSource({"FAIL, NO_GO", "INCONCLUSIVE, INCONCLUSIVE", "PASS, GO"})
  void flakyTest_countsAsThePolicySays(IntegrationPolicy.Flaky flaky, Status expected) {
    // the passing tests of the mixed run plus its flaky one, from the real Allure results
    Input<IntegrationResults> mixed =
        IntegrationReader.read("--integration", Golden.path("integration/allure-mixed"));
    IntegrationResults onlyPassed =
        new IntegrationResults(
            IntegrationResults.Format.ALLURE,
            mixed.value().tests().stream()
                .filter(t -> t.outcome() == IntegrationResults.Outcome.PASSED)
                .toList());

    Verdict v =
        Aggregator.aggregate(
            integrationOnly(Input.of("--integration", "x", onlyPassed)), withFlaky(flaky), CLOCK);

    Finding f =
        v.findings().stream()
            .filter(x -> x.rule().equals("integration.flaky"))
            .findFirst()
            .orElseThrow();
    assertThat(f.status()).isEqualTo(expected);
    assertThat(f.details()).singleElement().asString().contains("readsRecoverAfterOutage");
  }

  @Test
  void mixedRun_failedAndBrokenAreNoGo_withTheTestsListed_skippedIsInconclusive() {
    Verdict v =
        Aggregator.aggregate(
            integrationOnly(
                IntegrationReader.read("--integration", Golden.path("integration/junit-mixed"))),
            POLICY,
            CLOCK);

    assertThat(v.status()).isEqualTo(Status.NO_GO);
    Finding failed =
        v.findings().stream()
            .filter(x -> x.rule().equals("integration.failed"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.category()).isEqualTo(Category.SLO_BREACH);
    assertThat(failed.details())
        .anySatisfy(
            d -> assertThat(d).contains("healthTurnsUnavailable failed").contains("expected: 503"))
        .anySatisfy(d -> assertThat(d).contains("containerStarts broken"));
    assertThat(v.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("integration.skipped");
              assertThat(f.status()).isEqualTo(Status.INCONCLUSIVE);
            });
  }

  @Test
  void goldenLoad_realReconnectStormMissedItsP95_isNoGoSloBreach() {
    Evidence e =
        new Evidence(
            new Release("app@2", null, null),
            Input.failed("--integration", "", Input.Problem.NOT_GIVEN, "not given"),
            dev.gonogo.reports.read.internal.LoadSummaryReader.read(
                "--load-candidate", Golden.path("load/candidate"), "candidate"),
            List.of(),
            Input.failed("--beta-url", "", Input.Problem.NOT_GIVEN, "not given"),
            Set.of(Section.INTEGRATION, Section.BETA));

    Verdict v = Aggregator.aggregate(e, POLICY, CLOCK);

    assertThat(v.status()).isEqualTo(Status.NO_GO);
    assertThat(v.findings())
        .filteredOn(f -> f.status() == Status.NO_GO)
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("load.slo.p95");
              assertThat(f.subject()).startsWith("ReconnectStormSimulation");
              assertThat(f.observed()).isEqualTo(923.0);
              assertThat(f.threshold()).isEqualTo(500.0);
              assertThat(f.category()).isEqualTo(Category.SLO_BREACH);
            });
    assertThat(v.findings())
        .filteredOn(f -> f.rule().equals("load.slo.coverage"))
        .hasSize(3)
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.GO));
  }
}
