package dev.gonogo.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The ingestion, scrubbing and benchmark keys, read from the layers as an operator sets them. */
class ConfigTest {

  private static Config fromEnv(Map<String, String> env) {
    return Config.from(Settings.load(Optional.empty(), env, new Properties()));
  }

  @Test
  void defaults_scrubEverything_boundIngest_andServeNoBenchmarkRoute() {
    Config config = fromEnv(Map.of());

    assertThat(config.scrub().enabled()).isTrue();
    assertThat(config.scrub().emails()).isTrue();
    assertThat(config.scrub().ips()).isTrue();
    assertThat(config.scrub().creditCards()).isTrue();
    assertThat(config.scrub().keyNames()).isTrue();
    assertThat(config.server().benchmarkRoutes()).isFalse();
    assertThat(config.server().maxConnections()).isEqualTo(1000);
    assertThat(config.ingest().maxItems()).isEqualTo(200);
    assertThat(config.ingest().maxInflightBytes()).isEqualTo(16 << 20);
    assertThat(config.ingest().ackTimeoutMs()).isEqualTo(10_000);
  }

  @Test
  void scrubbing_isSwitchedAndExtendedFromTheEnvironment() {
    Config config =
        fromEnv(
            Map.of(
                "GONOGO_SCRUB_EMAILS", "false",
                "GONOGO_SCRUB_EXTRA_KEYS", "member_no, loyalty_pin",
                "GONOGO_SERVER_BENCHMARK_ROUTES", "true"));

    assertThat(config.scrub().emails()).isFalse();
    assertThat(config.scrub().ips()).isTrue();
    assertThat(config.scrub().sensitiveKeys()).contains("member_no", "loyalty_pin");
    assertThat(config.server().benchmarkRoutes()).isTrue();
  }

  @Test
  void aBooleanThatIsNotTrueOrFalse_failsNamingTheKeyAndWhereItCameFrom() {
    assertThatThrownBy(() -> fromEnv(Map.of("GONOGO_SCRUB_ENABLED", "ture")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gonogo.scrub.enabled=ture")
        .hasMessageContaining("environment GONOGO_SCRUB_ENABLED")
        .hasMessageContaining("expected true or false");
    assertThatThrownBy(() -> fromEnv(Map.of("GONOGO_SERVER_BENCHMARK_ROUTES", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gonogo.server.benchmark-routes");
  }

  @Test
  void anInFlightBudgetBelowOneMebibyte_isRefused() {
    assertThatThrownBy(() -> fromEnv(Map.of("GONOGO_INGEST_MAX_INFLIGHT_BYTES", "1000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gonogo.ingest.max-inflight-bytes=1000");
  }
}
