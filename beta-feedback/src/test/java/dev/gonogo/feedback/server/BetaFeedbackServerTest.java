package dev.gonogo.feedback.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the production wiring on port 0 over a real SQLite file and talks real HTTP to it. */
class BetaFeedbackServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private Config config(Path database) {
    return Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()))
        .withServer("127.0.0.1", 0)
        .withStoreUrl("jdbc:sqlite:" + database);
  }

  @Test
  void health_answersUpWithTheInjectedClock() throws Exception {
    Path database = dir.resolve("data/feedback.db");
    try (Store store = Store.open(config(database).store());
        BetaFeedbackServer server = BetaFeedbackServer.create(config(database), FIXED, store)) {
      URI base = server.start();

      HttpResponse<String> response = get(base.resolve("/health"));

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("status").asText()).isEqualTo("UP");
      assertThat(body.path("time").asText()).isEqualTo("2026-11-22T10:15:30Z");
    }
  }

  @Test
  void ready_reportsTheMigratedSchema_andTheSqliteFileExists() throws Exception {
    Path database = dir.resolve("nested/folder/feedback.db");
    try (Store store = Store.open(config(database).store());
        BetaFeedbackServer server = BetaFeedbackServer.create(config(database), FIXED, store)) {
      URI base = server.start();

      HttpResponse<String> response = get(base.resolve("/ready"));

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("status").asText()).isEqualTo("READY");
      assertThat(body.path("schemaVersion").asText()).isEqualTo("3");
      assertThat(Files.size(database)).isPositive();
      try (Connection connection = store.dataSource().getConnection();
          ResultSet tables =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT name FROM sqlite_master WHERE type='table' AND name='project'")) {
        assertThat(tables.next()).as("project table created by the V1 migration").isTrue();
      }
    }
  }

  @Test
  void ready_whenTheStoreIsClosed_is503WithStableCode() throws Exception {
    Path database = dir.resolve("feedback.db");
    Store store = Store.open(config(database).store());
    try (BetaFeedbackServer server = BetaFeedbackServer.create(config(database), FIXED, store)) {
      URI base = server.start();
      store.close();

      HttpResponse<String> response = get(base.resolve("/ready"));

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(response.body()).path("code").asText())
          .isEqualTo("store_unavailable");
      assertThat(get(base.resolve("/health")).statusCode()).as("liveness stays up").isEqualTo(200);
    }
  }

  @Test
  void reopeningTheSameFile_keepsSchemaAndDoesNotMigrateTwice() throws Exception {
    Path database = dir.resolve("feedback.db");
    try (Store first = Store.open(config(database).store())) {
      assertThat(first.schemaVersion()).isEqualTo("3");
    }
    try (Store second = Store.open(config(database).store());
        Connection connection = second.dataSource().getConnection();
        ResultSet history =
            connection
                .createStatement()
                .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 1")) {
      assertThat(second.schemaVersion()).isEqualTo("3");
      history.next();
      assertThat(history.getInt(1)).isEqualTo(3);
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
