package dev.gonogo.load.config;

import static dev.gonogo.load.config.LoadSettingsTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeLoadTest {

  @Test
  void defaults_fiveUsersPerSecondForFiveSeconds_expectFiftyRequests() {
    SmokeLoad load = SmokeLoad.from(LoadSettings.defaults());

    assertThat(load)
        .isEqualTo(
            new SmokeLoad(
                5, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(1000)));
    assertThat(load.users()).isEqualTo(25);
    assertThat(load.expectedRequests(2)).isEqualTo(50);
  }

  @Test
  void expectedRequests_isNeverZero_soAnEmptyRunCannotPass() {
    SmokeLoad smallest =
        new SmokeLoad(1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(1));

    assertThat(smallest.expectedRequests(1)).isEqualTo(1);
    assertThatThrownBy(() -> smallest.expectedRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maxDuration_notLongerThanDuration_isRejectedNamingBothKeys() {
    LoadSettings settings =
        LoadSettings.load(
            Map.of(),
            properties(
                "gonogo.load.smoke.duration-seconds", "10",
                "gonogo.load.smoke.max-duration-seconds", "10"));

    assertThatThrownBy(() -> SmokeLoad.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "gonogo.load.smoke.max-duration-seconds=10 (from system property"
                + " -Dgonogo.load.smoke.max-duration-seconds): expected more than"
                + " gonogo.load.smoke.duration-seconds=10, the run's hard stop");
  }

  @Test
  void usersPerSecond_zero_isRejected() {
    LoadSettings settings =
        LoadSettings.load(Map.of(), properties("gonogo.load.smoke.users-per-second", "0"));

    assertThatThrownBy(() -> SmokeLoad.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected a whole number from 1 to 1000");
  }
}
