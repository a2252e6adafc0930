package dev.gonogo.reports.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {
  private static final Release RELEASE = new Release("app@2.0.0", "app@1.9.0", null);
  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

  private static Finding finding(String rule, Status status) {
    return status == Status.GO
        ? Finding.go(Section.LOAD, rule, "", 1.0, 2.0, "ms", 10L, null, rule + " passed")
        : Finding.notGo(
            Section.LOAD,
            rule,
            "",
            status,
            Category.SLO_BREACH,
            3.0,
            2.0,
            "ms",
            10L,
            null,
            rule + " is " + status.label());
  }

  @Test
  void noFindings_isInconclusive_neverGo() {
    Verdict verdict = Verdict.of(RELEASE, List.of(), NOW);

    assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(verdict.exitCode()).isEqualTo(2);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(Verdict.NO_EVIDENCE_RULE));
  }

  static Stream<Arguments> combinations() {
    return Stream.of(
        Arguments.of(List.of(Status.GO), Status.GO),
        Arguments.of(List.of(Status.GO, Status.GO, Status.GO), Status.GO),
        Arguments.of(List.of(Status.GO, Status.INCONCLUSIVE), Status.INCONCLUSIVE),
        Arguments.of(List.of(Status.INCONCLUSIVE, Status.GO), Status.INCONCLUSIVE),
        Arguments.of(List.of(Status.GO, Status.NO_GO), Status.NO_GO),
        Arguments.of(List.of(Status.NO_GO, Status.INCONCLUSIVE), Status.NO_GO),
        Arguments.of(List.of(Status.INCONCLUSIVE, Status.NO_GO, Status.GO), Status.NO_GO));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("combinations")
  void overallStatus_isTheWorstFinding(List<Status> statuses, Status expected) {
    List<Finding> findings =
        statuses.stream().map(s -> finding("rule-" + s.name().toLowerCase(), s)).toList();

    Verdict verdict = Verdict.of(RELEASE, findings, NOW);

    assertThat(verdict.status()).isEqualTo(expected);
    assertThat(verdict.findings()).hasSize(statuses.size());
  }

  @Test
  void onlySkippedSections_isInconclusive_neverGo() {
    Finding skipped =
        Finding.go(
            Section.INPUTS,
            "inputs.skipped.load",
            "",
            null,
            null,
            "",
            null,
            null,
            "load was not evaluated: excluded on request (--skip load)");

    Verdict verdict = Verdict.of(RELEASE, List.of(skipped), NOW);

    assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(verdict.findings()).extracting(Finding::rule).contains(Verdict.NO_EVIDENCE_RULE);
  }

  @Test
  void exitCodes_areTheDocumentedOnes() {
    assertThat(Status.GO.exitCode()).isZero();
    assertThat(Status.NO_GO.exitCode()).isEqualTo(1);
    assertThat(Status.INCONCLUSIVE.exitCode()).isEqualTo(2);
    assertThat(Status.NO_GO.label()).isEqualTo("NO-GO");
  }

  @Test
  void finding_withoutReason_isRejected() {
    assertThatThrownBy(
            () ->
                Finding.notGo(
                    Section.LOAD,
                    "load.p95",
                    "",
                    Status.NO_GO,
                    Category.SLO_BREACH,
                    812.0,
                    500.0,
                    "ms",
                    100L,
                    null,
                    " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("load.p95");
  }

  @Test
  void finding_notGoWithoutCategory_isRejected() {
    assertThatThrownBy(
            () ->
                Finding.notGo(
                    Section.LOAD,
                    "load.p95",
                    "",
                    Status.NO_GO,
                    null,
                    812.0,
                    500.0,
                    "ms",
                    100L,
                    null,
                    "p95 812 ms > 500 ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("category");
  }

  @Test
  void summary_namesTheBlockingRules() {
    Verdict verdict =
        Verdict.of(
            RELEASE, List.of(finding("load.slo.p95", Status.NO_GO), finding("ok", Status.GO)), NOW);

    assertThat(verdict.summary()).startsWith("NO-GO — load.slo.p95: ").doesNotContain("ok:");
  }
}
