package dev.gonogo.load.config;

import static dev.gonogo.load.config.LoadSettingsTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetConfigTest {

  @Test
  void defaults_startACandidate_butNameNoJar() {
    TargetConfig config = TargetConfig.from(LoadSettings.defaults());

    assertThat(config.url()).isEmpty();
    assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.candidate().jar()).isEmpty();
    assertThat(config.candidate().workDir()).isEqualTo(Path.of("target/candidate"));
    assertThat(config.candidate().stopTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void target_isABaseUrlWithoutTrailingSlash() {
    TargetConfig config =
        TargetConfig.from(
            LoadSettings.load(Map.of(), properties("gonogo.target", "http://127.0.0.1:8080/")));

    assertThat(config.url()).contains(URI.create("http://127.0.0.1:8080"));
  }

  @ParameterizedTest(name = "gonogo.target={0} is rejected")
  @ValueSource(
      strings = {"127.0.0.1:8080", "ftp://127.0.0.1", "http://127.0.0.1:8080/?x=1", "http//x"})
  void target_notAnHttpBaseUrl_isRejectedNamingKeyAndSource(String url) {
    LoadSettings settings =
        LoadSettings.load(Map.of("GONOGO_TARGET", url), new java.util.Properties());

    assertThatThrownBy(() -> TargetConfig.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("gonogo.target=" + url + " (from environment GONOGO_TARGET)")
        .hasMessageContaining("http://127.0.0.1:8080");
  }

  @Test
  void candidate_jvmArgsAndJar_comeFromTheirKeys() {
    TargetConfig config =
        TargetConfig.from(
            LoadSettings.load(
                Map.of(),
                properties(
                    "gonogo.candidate.jar",
                    "/tmp/c.jar",
                    "gonogo.candidate.jvm-args",
                    "-Xmx128m")));

    assertThat(config.candidate().jar()).contains(Path.of("/tmp/c.jar"));
    assertThat(config.candidate().jvmArgs()).containsExactly("-Xmx128m");
  }

  @Test
  void candidate_readyFileVariable_belongsToTheSuite() {
    TargetConfig.Candidate candidate = TargetConfig.from(LoadSettings.defaults()).candidate();

    assertThatThrownBy(
            () -> candidate.withEnvironment(Map.of("GONOGO_SERVER_READY_FILE", "/tmp/elsewhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GONOGO_SERVER_READY_FILE is set by the suite");
  }
}
