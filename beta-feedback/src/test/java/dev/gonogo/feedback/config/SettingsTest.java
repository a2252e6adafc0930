package dev.gonogo.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void defaults_coverEveryKeyTheConfigReads() {
    Config config = Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()));

    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().readyFile()).isEmpty();
    assertThat(config.store().url()).isEqualTo("jdbc:sqlite:gonogo-data/beta-feedback.db");
    assertThat(config.store().user()).isEmpty();
    assertThat(config.store().poolSize()).isEqualTo(4);
  }

  @Test
  void layers_fileThenEnvironmentThenSystemProperty_lastWins() throws IOException {
    Path file = dir.resolve("gonogo.properties");
    Files.writeString(
        file, "gonogo.server.port=7000\ngonogo.server.host=0.0.0.0\ngonogo.store.pool-size=9\n");
    Map<String, String> env = Map.of("GONOGO_SERVER_PORT", "7100", "GONOGO_STORE_POOL_SIZE", "7");
    Properties props = new Properties();
    props.setProperty("gonogo.server.port", "7200");

    Settings settings = Settings.load(Optional.of(file), env, props);
    Config config = Config.from(settings);

    assertThat(config.server().port()).isEqualTo(7200);
    assertThat(settings.get("gonogo.server.port").source())
        .isEqualTo("system property -Dgonogo.server.port");
    assertThat(config.store().poolSize()).isEqualTo(7);
    assertThat(settings.get("gonogo.store.pool-size").source())
        .isEqualTo("environment GONOGO_STORE_POOL_SIZE");
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(settings.get("gonogo.server.host").source()).startsWith("file ");
  }

  @Test
  void configFile_namedByEnvironment_isRead() throws IOException {
    Path file = dir.resolve("from-env.properties");
    Files.writeString(file, "gonogo.server.ready-file=target/url.txt\n");

    Config config =
        Config.from(
            Settings.load(
                Optional.empty(), Map.of("GONOGO_CONFIG_FILE", file.toString()), new Properties()));

    assertThat(config.server().readyFile()).contains(Path.of("target/url.txt"));
  }

  @Test
  void unknownKeyInFile_isRejectedWithItsName() throws IOException {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "gonogo.server.prot=9000\n");

    assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), new Properties()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'gonogo.server.prot'")
        .hasMessageContaining(file.getFileName().toString());
  }

  @Test
  void malformedNumber_namesKeyValueAndSource() {
    Settings settings =
        Settings.load(Optional.empty(), Map.of("GONOGO_SERVER_PORT", "eighty"), new Properties());

    assertThatThrownBy(() -> Config.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "gonogo.server.port=eighty (from environment GONOGO_SERVER_PORT): expected a whole number from 0 to 65535");
  }

  @Test
  void portOutOfRange_isRejected() {
    Settings settings =
        Settings.load(Optional.empty(), Map.of("GONOGO_SERVER_PORT", "70000"), new Properties());

    assertThatThrownBy(() -> Config.from(settings))
        .hasMessageContaining("gonogo.server.port=70000");
  }

  @Test
  void storeUrl_ofAnotherDatabase_isRejected() {
    Settings settings =
        Settings.load(
            Optional.empty(), Map.of("GONOGO_STORE_URL", "jdbc:mysql://db/x"), new Properties());

    assertThatThrownBy(() -> Config.from(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gonogo.store.url=jdbc:mysql://db/x");
  }

  @Test
  void missingConfigFile_isAClearError() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> Settings.load(Optional.of(missing), Map.of(), new Properties()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read configuration file")
        .hasMessageContaining("nope.properties");
  }

  @Test
  void envName_mapsDotsAndDashes() {
    assertThat(Settings.envName("gonogo.server.ready-file")).isEqualTo("GONOGO_SERVER_READY_FILE");
  }
}
