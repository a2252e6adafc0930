package dev.gonogo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.feedback.web.SentryRoutes;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Release health and the crash gate on a real PostgreSQL: the rollups, HyperLogLog sketches and
 * gate queries run there as they do on SQLite. A baseline, an equal candidate and a regressed one
 * go in as Sentry session aggregates and crash envelopes over real HTTP.
 */
@Epic("beta-feedback")
@Feature("Release health and the crash gate on PostgreSQL")
@ExtendWith(ContainerLogsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresHealthIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASELINE = "pg-shop@1.0.0";
  private static final String EQUAL = "pg-shop@1.1.0";
  private static final String REGRESSED = "pg-shop@1.2.0";

  private final HttpClient http = HttpClient.newHttpClient();
  private PostgreSQLContainer postgres;
  private Store store;
  private BetaFeedbackServer server;
  private URI base;
  private String token;
  private String key;
  private final Instant started = Instant.now().minus(1, ChronoUnit.HOURS);

  @BeforeAll
  void seed() throws Exception {
    postgres = SharedContainers.postgres();
    String database = "health_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c =
            DriverManager.getConnection(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    Properties settings = new Properties();
    settings.setProperty(
        "gonogo.store.url",
        "jdbc:postgresql://"
            + postgres.getHost()
            + ":"
            + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
            + "/"
            + database);
    settings.setProperty("gonogo.store.user", postgres.getUsername());
    settings.setProperty("gonogo.store.password", postgres.getPassword());
    settings.setProperty("gonogo.admin.token", "pg-health-admin-token-0123456789");
    settings.setProperty("gonogo.ratelimit.project.events-per-second", "0");
    settings.setProperty("gonogo.ratelimit.release.events-per-second", "0");
    Config config =
        Config.from(Settings.load(Optional.empty(), Map.of(), settings)).withServer("127.0.0.1", 0);
    token = "pg-health-admin-token-0123456789";
    store = Store.open(config.store());
    server = BetaFeedbackServer.create(config, Clock.systemUTC(), store);
    base = server.start();
    key = server.defaultProject().publicKey();

    aggregates(BASELINE, 40_000, 400);
    crashes(BASELINE, "java.io.IOException", "load", 20);
    aggregates(EQUAL, 40_000, 400);
    crashes(EQUAL, "java.io.IOException", "load", 20);
    aggregates(REGRESSED, 10_000, 600);
    crashes(REGRESSED, "java.lang.IllegalStateException", "pay", 500);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void health_onPostgres_countsSessionsUsersAndCrashes() throws Exception {
    JsonNode h = get("/releases/" + enc(BASELINE) + "/health");
    assertThat(h.path("sessions").asLong()).isEqualTo(200_000);
    assertThat(h.path("crashedSessions").asLong()).isEqualTo(400);
    assertThat(h.path("users").asLong()).isEqualTo(40_000);
    assertThat(h.path("crashedUsers").asLong()).isEqualTo(400);
    assertThat(h.path("crashEvents").asLong()).isEqualTo(20);
    // Four device models from the aggregates' attrs; the crash events named no device model.
    JsonNode devices = h.path("breakdown").path("device");
    assertThat(devices).hasSize(5);
    for (int i = 0; i < 4; i++) {
      assertThat(devices.get(i).path("sessions").asLong()).isEqualTo(50_000);
    }
    assertThat(devices.get(4).path("value").isNull()).isTrue();
    assertThat(devices.get(4).path("crashEvents").asLong()).isEqualTo(20);
    JsonNode series = get("/releases/" + enc(BASELINE) + "/health/series?bucket=1d");
    long sessions = 0;
    for (JsonNode p : series.path("points")) {
      sessions += p.path("sessions").asLong();
    }
    assertThat(sessions).isEqualTo(200_000);
  }

  @Test
  void gate_onPostgres_passesTheEqualCandidate_andFailsTheRegression() throws Exception {
    JsonNode pass = get("/releases/" + enc(EQUAL) + "/gate?baseline=" + enc(BASELINE));
    assertThat(pass.path("status").asText()).as(pass.toPrettyString()).isEqualTo("PASS");
    JsonNode fail = get("/releases/" + enc(REGRESSED) + "/gate?baseline=" + enc(BASELINE));
    assertThat(fail.path("status").asText()).isEqualTo("FAIL");
    assertThat(fail.path("summary").asText())
        .contains("crash-free-sessions")
        .contains("new-signature-share")
        .contains("IllegalStateException");
    JsonNode top = get("/releases/" + enc(REGRESSED) + "/signatures?baseline=" + enc(BASELINE));
    assertThat(top.path("items").get(0).path("status").asText()).isEqualTo("new");
    assertThat(top.path("items").get(0).path("users").asLong()).isEqualTo(500);
  }

  private void aggregates(String release, int users, int crashed) throws Exception {
    for (int from = 0; from < users; from += 5000) {
      StringBuilder envelope = new StringBuilder("{\"sdk\":{\"name\":\"sentry.java\"}}\n");
      for (int model = 0; model < 4; model++) {
        ObjectNode item = JSON.createObjectNode();
        item.putObject("attrs")
            .put("release", release)
            .put("environment", "beta")
            .put("device_model", "Model " + model);
        ArrayNode buckets = item.putArray("aggregates");
        for (int u = from; u < Math.min(users, from + 5000); u++) {
          if (u % 4 == model) {
            int c = u < crashed ? 1 : 0;
            ObjectNode b = buckets.addObject();
            b.put("started", started.toString()).put("did", release + "-" + u).put("exited", 5 - c);
            if (c > 0) {
              b.put("crashed", 1);
            }
          }
        }
        String payload = item.toString();
        envelope
            .append("{\"type\":\"sessions\",\"length\":")
            .append(payload.getBytes(UTF_8).length)
            .append("}\n")
            .append(payload)
            .append('\n');
      }
      ingest(
          HttpRequest.newBuilder(base.resolve("/api/1/envelope/?sentry_key=" + key))
              .header("Content-Encoding", "gzip")
              .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(envelope.toString())))
              .build());
    }
  }

  /**
   * Sends as an SDK does: a 503 (nothing acknowledged; here a commit of 5,000 aggregates that took
   * longer than the 10 s ack timeout on a busy machine) is sent again after its Retry-After. A
   * commit that lands late is harmless: the same aggregates and event ids are stored once.
   */
  private void ingest(HttpRequest request) {
    HttpResponse<String> answer =
        Awaitility.await("a 200 for " + request.uri().getPath() + ", sent again after a 503")
            .pollInterval(Duration.ofSeconds(SentryRoutes.STORE_RETRY_AFTER_SECONDS))
            .pollDelay(Duration.ZERO)
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                r -> r.statusCode() != 503);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private void crashes(String release, String type, String function, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String event =
          "{\"release\":\""
              + release
              + "\",\"environment\":\"beta\",\"platform\":\"java\","
              + "\"user\":{\"id\":\"u"
              + i
              + "\"},\"exception\":{\"values\":[{\"type\":\""
              + type
              + "\",\"mechanism\":{\"type\":\"generic\",\"handled\":false},"
              + "\"stacktrace\":{\"frames\":[{\"module\":\"com.acme.Checkout\",\"function\":\""
              + function
              + "\",\"in_app\":true}]}}]},\"event_id\":\""
              + UUID.randomUUID().toString().replace("-", "")
              + "\"}";
      ingest(
          HttpRequest.newBuilder(base.resolve("/api/v1/ingest/1/events"))
              .header("X-Gonogo-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(event))
              .build());
    }
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects/1" + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String release) {
    return URLEncoder.encode(release, UTF_8);
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(UTF_8));
    }
    return out.toByteArray();
  }
}
