package dev.gonogo.load.bench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.load.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IngestBenchLoadTest {

  @Test
  void defaults_planAboutTwoMinutes_underTheHardStop() {
    IngestBenchLoad load = IngestBenchLoad.from(BenchSettings.defaults());

    assertThat(load.concurrency()).isPositive();
    assertThat(load.fixedRatePhases()).containsExactly(1000, 5000);
    assertThat(load.fixedRateUsers(5000)).isEqualTo(5000L * load.fixedRateDuration().toSeconds());
    assertThat(load.plannedDuration()).isLessThanOrEqualTo(Duration.ofMinutes(3));
    assertThat(load.maxDuration()).isGreaterThan(load.plannedDuration());
    assertThat(load.candidateEnvironment()).isEmpty();
  }

  @Test
  void maxRequestsPerUser_sharesThePhaseBudget_roundedUp() {
    IngestBenchLoad load =
        IngestBenchLoad.from(
            settings(
                "gonogo.bench.concurrency", "64", "gonogo.bench.max-requests-per-phase", "1000"));

    assertThat(load.maxRequestsPerUser()).isEqualTo(16);
  }

  @Test
  void noFixedRates_skipThePhases_andTheirTime() {
    IngestBenchLoad load =
        IngestBenchLoad.from(settings("gonogo.bench.fixed-rate.events-per-second", ""));

    assertThat(load.fixedRatePhases()).isEmpty();
    assertThat(load.plannedDuration()).isEqualTo(load.warmUp().plus(load.phase().multipliedBy(4)));
  }

  @Test
  void hardStopNotAfterThePlannedRun_isRejectedNamingTheKey() {
    assertThatThrownBy(
            () ->
                IngestBenchLoad.from(
                    settings(
                        "gonogo.bench.phase-seconds",
                        "60",
                        "gonogo.bench.max-duration-seconds",
                        "100")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gonogo.bench.max-duration-seconds=100")
        .hasMessageContaining("planned 300 s");
  }

  @Test
  void fixedRates_areDistinctPositiveNumbers() {
    assertThatThrownBy(
            () ->
                IngestBenchLoad.from(
                    settings("gonogo.bench.fixed-rate.events-per-second", "500 500")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("distinct whole numbers");
    assertThatThrownBy(
            () -> IngestBenchLoad.from(settings("gonogo.bench.fixed-rate.events-per-second", "0")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void candidateEnvironment_isParsedAsKeyValueWords() {
    IngestBenchLoad load =
        IngestBenchLoad.from(
            settings(
                "gonogo.bench.candidate.environment",
                "GONOGO_INGEST_BATCH_SIZE=512 GONOGO_STORE_POOL_SIZE=2"));

    assertThat(load.candidateEnvironment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("GONOGO_INGEST_BATCH_SIZE", "512", "GONOGO_STORE_POOL_SIZE", "2"));
  }

  @Test
  void candidateEnvironment_otherThanGonogo_isRejected() {
    assertThatThrownBy(
            () ->
                IngestBenchLoad.from(
                    settings("gonogo.bench.candidate.environment", "JAVA_TOOL_OPTIONS=-Xmx1g")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GONOGO_* names");
  }

  @Test
  void unknownBenchKey_isRejected_listingTheKnownOnes() {
    assertThatThrownBy(() -> settings("gonogo.bench.concurency", "8"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("-Dgonogo.bench.concurency")
        .hasMessageContaining("gonogo.bench.concurrency");
  }

  @Test
  void environmentVariable_overridesDefault_andSystemPropertyOverridesBoth() {
    BenchSettings settings =
        BenchSettings.load(
            Map.of("GONOGO_BENCH_CONCURRENCY", "8", "GONOGO_BENCH_PHASE_SECONDS", "7"),
            properties("gonogo.bench.concurrency", "16"));

    assertThat(settings.get("gonogo.bench.concurrency").value()).isEqualTo("16");
    assertThat(settings.get("gonogo.bench.phase-seconds").source())
        .isEqualTo("environment GONOGO_BENCH_PHASE_SECONDS");
  }

  private static BenchSettings settings(String... keyValues) {
    return BenchSettings.load(Map.of(), properties(keyValues));
  }

  private static Properties properties(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }
}
