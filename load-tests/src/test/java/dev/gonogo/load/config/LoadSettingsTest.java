package dev.gonogo.load.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

  @Test
  void defaults_listEveryKeyWithItsSource() {
    LoadSettings settings = LoadSettings.defaults();

    assertThat(settings.get("gonogo.target").value()).isEmpty();
    assertThat(settings.get("gonogo.load.smoke.users-per-second").source()).isEqualTo("defaults");
  }

  @Test
  void layers_systemPropertyBeatsEnvironmentBeatsDefaults() {
    LoadSettings settings =
        LoadSettings.load(
            Map.of(
                "GONOGO_LOAD_SMOKE_USERS_PER_SECOND",
                "7",
                "GONOGO_LOAD_SMOKE_DURATION_SECONDS",
                "3"),
            properties("gonogo.load.smoke.users-per-second", "9"));

    assertThat(settings.get("gonogo.load.smoke.users-per-second"))
        .isEqualTo(
            new LoadSettings.Value(
                "gonogo.load.smoke.users-per-second",
                "9",
                "system property -Dgonogo.load.smoke.users-per-second"));
    assertThat(settings.get("gonogo.load.smoke.duration-seconds").source())
        .isEqualTo("environment GONOGO_LOAD_SMOKE_DURATION_SECONDS");
    assertThat(settings.get("gonogo.load.smoke.p95-max-ms").source()).isEqualTo("defaults");
  }

  @Test
  void envName_upperCasesAndReplacesDotsAndDashes() {
    assertThat(LoadSettings.envName("gonogo.target.ready-timeout-seconds"))
        .isEqualTo("GONOGO_TARGET_READY_TIMEOUT_SECONDS");
  }

  @Test
  void unknownSystemProperty_underOurPrefix_isRejectedNamingTheKnownKeys() {
    assertThatThrownBy(
            () ->
                LoadSettings.load(Map.of(), properties("gonogo.load.smoke.user-per-second", "50")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("system property -Dgonogo.load.smoke.user-per-second")
        .hasMessageContaining("gonogo.load.smoke.users-per-second");
  }

  @Test
  void unknownEnvironmentVariable_underOurPrefix_isRejected() {
    assertThatThrownBy(() -> LoadSettings.load(Map.of("GONOGO_TARGET_URL", "x"), new Properties()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable GONOGO_TARGET_URL");
  }

  @Test
  void candidateSettings_belongToTheCandidate_andAreIgnored() {
    LoadSettings settings =
        LoadSettings.load(
            Map.of("GONOGO_SERVER_PORT", "9000"), properties("gonogo.store.url", "jdbc:sqlite:x"));

    assertThat(settings.get("gonogo.target").value()).isEmpty();
  }

  @Test
  void integer_outOfRange_namesKeyValueSourceAndRange() {
    LoadSettings settings =
        LoadSettings.load(Map.of("GONOGO_LOAD_SMOKE_USERS_PER_SECOND", "0"), new Properties());

    assertThatThrownBy(() -> settings.integer("gonogo.load.smoke.users-per-second", 1, 1000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "gonogo.load.smoke.users-per-second=0 (from environment"
                + " GONOGO_LOAD_SMOKE_USERS_PER_SECOND): expected a whole number from 1 to 1000");
  }

  @Test
  void words_splitOnWhitespace_andEmptyIsNone() {
    assertThat(
            LoadSettings.load(Map.of(), properties("gonogo.candidate.jvm-args", "  "))
                .words("gonogo.candidate.jvm-args"))
        .isEmpty();
    assertThat(LoadSettings.defaults().words("gonogo.candidate.jvm-args"))
        .as("the candidate runs with a bounded heap by default, as the main command does")
        .containsExactly("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    assertThat(
            LoadSettings.load(
                    Map.of(), properties("gonogo.candidate.jvm-args", " -Xmx256m  -Dx=1 "))
                .words("gonogo.candidate.jvm-args"))
        .containsExactly("-Xmx256m", "-Dx=1");
  }

  static Properties properties(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }
}
