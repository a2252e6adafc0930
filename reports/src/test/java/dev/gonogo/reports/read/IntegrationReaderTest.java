package dev.gonogo.reports.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.Golden;
import dev.gonogo.reports.read.IntegrationResults.Format;
import dev.gonogo.reports.read.IntegrationResults.Outcome;
import dev.gonogo.reports.read.IntegrationResults.TestOutcome;
import dev.gonogo.reports.read.internal.IntegrationReader;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real results of one run of five tests with {@code -Dsurefire.rerunFailingTestsCount=1}: one
 * passed, one failed then passed (flaky), one failed twice, one broke twice, one disabled.
 */
class IntegrationReaderTest {
  @ParameterizedTest(name = "{0} is read as {1}")
  @CsvSource({"integration/allure-mixed, ALLURE", "integration/junit-mixed, JUNIT_XML"})
  void mixedRun_lastAttemptWins_earlierFailureThenPassIsFlaky(String folder, Format format) {
    Input<IntegrationResults> in = IntegrationReader.read("--integration", Golden.path(folder));

    assertThat(in.isPresent()).as(in.message()).isTrue();
    assertThat(in.value().format()).isEqualTo(format);
    Map<String, TestOutcome> byName =
        in.value().tests().stream()
            .collect(Collectors.toMap(t -> t.name().replace("()", ""), Function.identity()));
    assertThat(byName).hasSize(5);
    assertThat(byName.get("ingestSurvivesRestart").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(byName.get("ingestSurvivesRestart").flaky()).isFalse();
    assertThat(byName.get("readsRecoverAfterOutage").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(byName.get("readsRecoverAfterOutage").flaky()).isTrue();
    assertThat(byName.get("readsRecoverAfterOutage").message()).contains("connection reset");
    assertThat(byName.get("healthTurnsUnavailable").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(byName.get("healthTurnsUnavailable").message()).contains("expected: 503");
    assertThat(byName.get("containerStarts").outcome()).isEqualTo(Outcome.BROKEN);
    assertThat(byName.get("failoverToReplica").outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(byName.get("containerStarts").suite())
        .isEqualTo("dev.gonogo.scratch.DatabaseOutageSampleIT");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "integration/allure-passed, ALLURE",
    "integration/junit-passed, JUNIT_XML",
    "integration/junit-passed/TEST-dev.gonogo.reports.verdict.VerdictTest.xml, JUNIT_XML"
  })
  void passingRun_everyTestPassed(String path, Format format) {
    Input<IntegrationResults> in = IntegrationReader.read("--integration", Golden.path(path));

    assertThat(in.value().format()).isEqualTo(format);
    assertThat(in.value().tests())
        .hasSize(12)
        .allSatisfy(t -> assertThat(t.outcome()).isEqualTo(Outcome.PASSED));
  }
}
