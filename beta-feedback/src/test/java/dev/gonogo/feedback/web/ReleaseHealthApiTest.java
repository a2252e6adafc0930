package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release health and the crash gate through the ingest API, on a real SQLite file over real HTTP: a
 * baseline, a candidate equal to it, a candidate with a real regression (a new crash in checkout)
 * and a candidate with too little data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseHealthApiTest {
  private static final String BASELINE = "shop@1.0.0+100";
  private static final String EQUAL = "shop@1.1.0+110";
  private static final String REGRESSED = "shop@1.2.0+120";
  private static final String TINY = "shop@1.3.0+130";
  private static final String MIXED = "shop@2.0.0-beta.1";

  private RunningServer server;
  private BetaTraffic traffic;
  private final Instant started = Instant.now().minus(2, ChronoUnit.HOURS);

  @BeforeAll
  void seed(@TempDir Path dir) {
    server =
        new RunningServer(
            dir.resolve("health.db"),
            c -> c.withRateLimits(new Config.RateLimits(0, 0, 0, 0, 1000)));
    traffic = new BetaTraffic(server);
    // 0.2 % of sessions crash in the baseline and in the equal candidate: 200,000 sessions each.
    traffic.aggregates(BASELINE, 40_000, 5, 400, 4, started);
    traffic.crashes(BASELINE, "java.io.IOException", "load", 40, "Model 0");
    traffic.aggregates(EQUAL, 40_000, 5, 400, 4, started);
    traffic.crashes(EQUAL, "java.io.IOException", "load", 40, "Model 0");
    // The regression: 1.2 % crash, 1 % of sessions by a crash the baseline never had.
    traffic.aggregates(REGRESSED, 10_000, 5, 600, 4, started);
    traffic.crashes(REGRESSED, "java.lang.IllegalStateException", "pay", 500, "Model 1");
    traffic.aggregates(TINY, 40, 5, 0, 4, started);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode gate(String candidate, String baseline) {
    return server.read(
        "/releases/"
            + encode(candidate)
            + "/gate"
            + (baseline == null ? "" : "?baseline=" + encode(baseline)));
  }

  private static String encode(String release) {
    return java.net.URLEncoder.encode(release, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static JsonNode finding(JsonNode gate, String rule) {
    for (JsonNode f : gate.path("findings")) {
      if (f.path("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + rule + " in " + gate.toPrettyString());
  }

  @Test
  void gate_realRegression_isFail_withItsReasons() {
    JsonNode gate = gate(REGRESSED, BASELINE);
    assertThat(gate.path("status").asText()).as(gate.toPrettyString()).isEqualTo("FAIL");
    JsonNode floor = finding(gate, "crash-free-sessions");
    assertThat(floor.path("status").asText()).isEqualTo("FAIL");
    assertThat(floor.path("observed").asDouble())
        .isCloseTo(0.988, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(floor.path("sampleSize").asLong()).isEqualTo(50_000);
    assertThat(floor.path("reason").asText())
        .startsWith(
            "crash-free sessions 98.80 % < 99.00 % floor; 50,000 sessions; 95 % anytime interval");
    assertThat(floor.path("interval").path("confidence").asDouble()).isEqualTo(0.95);
    JsonNode increase = finding(gate, "crash-rate-vs-baseline");
    assertThat(increase.path("status").asText()).isEqualTo("FAIL");
    assertThat(increase.path("interval").path("confidence").asDouble())
        .as("each release's interval is at alpha / 2, so the two hold together at 95 %%")
        .isEqualTo(0.975);
    JsonNode fresh = finding(gate, "new-signature-share");
    assertThat(fresh.path("status").asText()).isEqualTo("FAIL");
    assertThat(fresh.path("reason").asText())
        .contains("IllegalStateException")
        .contains("500 crashes");
    assertThat(gate.path("summary").asText()).startsWith("FAIL").contains("crash-free-sessions");
  }

  @Test
  void gate_candidateEqualToItsBaseline_isPass() {
    JsonNode gate = gate(EQUAL, BASELINE);
    assertThat(gate.path("status").asText()).as(gate.toPrettyString()).isEqualTo("PASS");
    assertThat(gate.path("findings")).hasSize(9);
    assertThat(finding(gate, "per-device").path("reason").asText()).contains("4 judged");
  }

  @Test
  void gate_withoutBaseline_comparesWithTheReleaseSeenBefore() {
    JsonNode gate = gate(EQUAL, null);
    assertThat(gate.path("baseline").asText()).isEqualTo(BASELINE);
    assertThat(gate.path("baselineChosen").asText()).isEqualTo("previous-release");
    assertThat(gate.path("status").asText()).isEqualTo("PASS");
  }

  @Test
  void gate_tooLittleData_isInsufficientData() {
    JsonNode gate = gate(TINY, BASELINE);
    assertThat(gate.path("status").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(finding(gate, "sample-size").path("reason").asText())
        .contains("200 sessions < 1,000 minimum")
        .contains("40 users < 100 minimum");
  }

  @Test
  void gate_releaseWithNoDataAtAll_isInsufficientData_notPass() {
    JsonNode gate = gate("shop@9.9.9", BASELINE);
    assertThat(gate.path("status").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(finding(gate, "crash-free-sessions").path("observed").isNull()).isTrue();
  }

  @Test
  void gate_unknownBaseline_is404_namingTheField() {
    HttpResponse<String> r =
        traffic.admin("GET", "/releases/" + encode(EQUAL) + "/gate?baseline=shop@0.0.1", null);
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode body = RunningServer.json(r.body());
    assertThat(body.path("code").asText()).isEqualTo("unknown_release");
    assertThat(body.path("field").asText()).isEqualTo("baseline");
  }

  @Test
  void gate_postedPolicy_isApplied_andABadOneIsRefusedNamingTheKey() throws Exception {
    String strict =
        new String(
                getClass()
                    .getResourceAsStream("/dev/gonogo/feedback/gate/release-policy.yaml")
                    .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("crash-free-sessions-floor: 0.99\n", "crash-free-sessions-floor: 0.999\n");
    HttpResponse<String> r =
        traffic.admin(
            "POST", "/releases/" + encode(EQUAL) + "/gate?baseline=" + encode(BASELINE), strict);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode gate = RunningServer.json(r.body());
    assertThat(finding(gate, "crash-free-sessions").path("status").asText()).isEqualTo("FAIL");
    assertThat(gate.path("status").asText()).isEqualTo("FAIL");

    HttpResponse<String> bad =
        traffic.admin(
            "POST",
            "/releases/" + encode(EQUAL) + "/gate",
            strict.replace("min-sessions: 1000", "min-sesions: 1000"));
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode error = RunningServer.json(bad.body());
    assertThat(error.path("code").asText()).isEqualTo("invalid_policy");
    assertThat(error.path("field").asText()).isEqualTo("beta.min-sesions");
  }

  @Test
  void health_totalsUsersAdoptionAndBreakdowns_fromAggregates() {
    JsonNode h = server.read("/releases/" + encode(BASELINE) + "/health");
    assertThat(h.path("sessions").asLong()).isEqualTo(200_000);
    assertThat(h.path("crashedSessions").asLong()).isEqualTo(400);
    assertThat(h.path("users").asLong()).isEqualTo(40_000);
    assertThat(h.path("crashedUsers").asLong()).isEqualTo(400);
    assertThat(h.path("crashFreeSessions").path("value").asDouble()).isEqualTo(0.998);
    assertThat(h.path("crashFreeSessions").path("low").asDouble()).isLessThan(0.998);
    assertThat(h.path("crashFreeUsers").path("value").asDouble()).isEqualTo(0.99);
    assertThat(h.path("crashEvents").asLong()).isEqualTo(40);
    assertThat(h.path("signatures").asLong()).isEqualTo(1);
    JsonNode adoption = h.path("adoption");
    assertThat(adoption.path("projectSessions").asLong()).isEqualTo(200_000 * 2 + 50_000 + 200);
    assertThat(adoption.path("sessionShare").asDouble())
        .isCloseTo(200_000.0 / 450_200, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(adoption.path("userShare").asDouble())
        .as("HyperLogLog estimate of 40,000 / 90,040 users")
        .isCloseTo(40_000.0 / 90_040, org.assertj.core.data.Offset.offset(0.02));
    JsonNode devices = h.path("breakdown").path("device");
    assertThat(devices).hasSize(4);
    assertThat(devices.get(0).path("sessions").asLong()).isEqualTo(50_000);
    assertThat(h.path("breakdown").path("platform").get(0).path("value").asText())
        .isEqualTo("java");
    assertThat(h.path("breakdown").path("appVersion").get(0).path("value").asText())
        .isEqualTo("1.0.0");
    assertThat(h.path("breakdown").path("os").get(0).path("value").asText())
        .isEqualTo("Android 14");
  }

  @Test
  void health_unknownRelease_is404() {
    HttpResponse<String> r = traffic.admin("GET", "/releases/nope/health", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(r.body()).path("code").asText()).isEqualTo("unknown_release");
  }

  @Test
  void releases_listEveryReleaseWithItsHealth() {
    JsonNode releases = server.read("/releases").path("items");
    List<String> names = new ArrayList<>();
    releases.forEach(r -> names.add(r.path("release").asText()));
    assertThat(names).contains(BASELINE, EQUAL, REGRESSED, TINY);
  }

  @Test
  void series_bucketsSumToTheTotals_andUsersAreEstimated() {
    JsonNode s = server.read("/releases/" + encode(BASELINE) + "/health/series?bucket=1h");
    long sessions = 0;
    for (JsonNode p : s.path("points")) {
      sessions += p.path("sessions").asLong();
    }
    assertThat(sessions).isEqualTo(200_000);
    assertThat(s.path("usersAreEstimates").asBoolean()).isTrue();
    JsonNode busy = null;
    for (JsonNode p : s.path("points")) {
      if (p.path("sessions").asLong() > 0) {
        busy = p;
      }
    }
    assertThat(busy.path("users").asDouble())
        .isCloseTo(40_000, org.assertj.core.data.Offset.offset(1200.0));
    HttpResponse<String> bad =
        traffic.admin("GET", "/releases/" + encode(BASELINE) + "/health/series?bucket=90m", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(bad.body()).path("field").asText()).isEqualTo("bucket");
  }

  @Test
  void signatures_newInTheRegression_withSampleEventsAndStackTraces() {
    JsonNode list =
        server.read("/releases/" + encode(REGRESSED) + "/signatures?baseline=" + encode(BASELINE));
    JsonNode top = list.path("items").get(0);
    assertThat(top.path("title").asText()).contains("IllegalStateException");
    assertThat(top.path("status").asText()).isEqualTo("new");
    assertThat(top.path("crashEvents").asLong()).isEqualTo(500);
    assertThat(top.path("users").asLong()).isEqualTo(500);
    JsonNode samples =
        server.read(
            "/releases/"
                + encode(REGRESSED)
                + "/signatures/"
                + top.path("fingerprint").asText()
                + "/events");
    assertThat(samples.path("items")).hasSize(3);
    assertThat(
            samples
                .path("items")
                .get(0)
                .path("exception")
                .get(0)
                .path("stacktrace")
                .path("frames")
                .get(0)
                .path("function")
                .asText())
        .isEqualTo("pay");
    JsonNode filtered =
        server.read(
            "/releases/"
                + encode(REGRESSED)
                + "/signatures?baseline="
                + encode(BASELINE)
                + "&status=ongoing");
    assertThat(filtered.path("total").asLong()).isZero();
  }

  /** Sessions with every outcome and dimension, sent as native updates (the Sentry shape). */
  @Test
  void outcomes_areDisjoint_andUsersAreDistinctDevices_andResendsCountOnce() {
    String start = started.toString();
    String attrs =
        "\"attrs\":{\"release\":\""
            + MIXED
            + "\",\"environment\":\"beta\",\"platform\":\"android\","
            + "\"os\":\"Android 15\",\"device_model\":\"Pixel 9\"}";
    String s1 =
        "{\"sid\":\""
            + java.util.UUID.randomUUID()
            + "\",\"did\":\"d1\",\"init\":true,\"started\":\""
            + start
            + "\",\"status\":\"exited\","
            + attrs
            + "}";
    String crashedSid = java.util.UUID.randomUUID().toString();
    String s2init =
        "{\"sid\":\""
            + crashedSid
            + "\",\"did\":\"d1\",\"init\":true,\"started\":\""
            + start
            + "\",\"status\":\"ok\","
            + attrs
            + "}";
    String s2 =
        "{\"sid\":\""
            + crashedSid
            + "\",\"did\":\"d1\",\"started\":\""
            + start
            + "\",\"status\":\"crashed\",\"errors\":1,"
            + attrs
            + "}";
    String s3 =
        "{\"sid\":\""
            + java.util.UUID.randomUUID()
            + "\",\"did\":\"d2\",\"init\":true,\"started\":\""
            + start
            + "\",\"status\":\"abnormal\","
            + attrs
            + "}";
    String s4 =
        "{\"sid\":\""
            + java.util.UUID.randomUUID()
            + "\",\"did\":\"d3\",\"init\":true,\"started\":\""
            + start
            + "\",\"status\":\"ok\",\"errors\":2,"
            + attrs
            + "}";
    String s5 =
        "{\"sid\":\""
            + java.util.UUID.randomUUID()
            + "\",\"init\":true,\"started\":\""
            + start
            + "\",\"status\":\"exited\",\"attrs\":{\"release\":\""
            + MIXED
            + "\",\"environment\":\"beta\"}}";
    traffic.sessions(String.join(",", s1, s2init, s3, s4, s5));
    traffic.sessions(s2);
    traffic.sessions(s2); // a resend changes nothing

    JsonNode h = server.read("/releases/" + encode(MIXED) + "/health?environment=beta");
    assertThat(h.path("sessions").asLong()).isEqualTo(5);
    assertThat(h.path("crashedSessions").asLong()).isEqualTo(1);
    assertThat(h.path("abnormalSessions").asLong()).isEqualTo(1);
    assertThat(h.path("erroredSessions").asLong()).isEqualTo(1);
    assertThat(h.path("healthySessions").asLong()).isEqualTo(2);
    assertThat(h.path("users").asLong()).isEqualTo(3);
    assertThat(h.path("crashedUsers").asLong()).isEqualTo(1);
    assertThat(h.path("crashFreeSessions").path("value").asDouble()).isEqualTo(0.8);
    assertThat(h.path("crashFreeUsers").path("value").asDouble())
        .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode devices = h.path("breakdown").path("device");
    assertThat(devices.get(0).path("value").asText()).isEqualTo("Pixel 9");
    assertThat(devices.get(0).path("sessions").asLong()).isEqualTo(4);
    assertThat(devices.get(1).path("value").isNull()).as("not reported").isTrue();
    assertThat(devices.get(1).path("sessions").asLong()).isEqualTo(1);
    assertThat(h.path("breakdown").path("appVersion").get(0).path("value").asText())
        .isEqualTo("2.0.0-beta.1");

    HttpResponse<String> other =
        traffic.admin("GET", "/releases/" + encode(MIXED) + "/health?environment=production", null);
    assertThat(other.statusCode()).as("no data in another environment").isEqualTo(404);
  }

  @Test
  void resolvedSignature_crashingAgain_isRegressed() {
    String release = "shop@3.0.0";
    traffic.aggregates(release, 10, 5, 0, 1, started);
    traffic.crashes(release, "java.lang.ArithmeticException", "divide", 1, "Model 0");
    String fp =
        server
            .read("/releases/" + encode(release) + "/signatures")
            .path("items")
            .get(0)
            .path("fingerprint")
            .asText();
    HttpResponse<String> resolved =
        traffic.admin("POST", "/signatures/" + fp + "/resolve", "{\"release\":\"shop@3.0.1\"}");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    assertThat(
            server
                .read("/releases/" + encode(release) + "/signatures")
                .path("items")
                .get(0)
                .path("status")
                .asText())
        .isEqualTo("new");
    traffic.crashes(release, "java.lang.ArithmeticException", "divide", 1, "Model 0");
    JsonNode sig = server.read("/releases/" + encode(release) + "/signatures").path("items").get(0);
    assertThat(sig.path("status").asText()).isEqualTo("regressed");
    assertThat(sig.path("resolvedRelease").asText()).isEqualTo("shop@3.0.1");
    JsonNode gate = gate(release, null);
    assertThat(finding(gate, "regressed-signatures").path("status").asText())
        .isEqualTo("INSUFFICIENT_DATA");
    assertThat(finding(gate, "regressed-signatures").path("reason").asText())
        .contains("ArithmeticException");

    HttpResponse<String> unknown = traffic.admin("POST", "/signatures/nope/resolve", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  /** A database written before release health existed is rolled up when it is migrated. */
  @Test
  void upgradeFromSchema2_rollsUpTheSessionsAlreadyStored(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("old.db");
    String url = "jdbc:sqlite:" + db;
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite")
        .target("2")
        .load()
        .migrate();
    try (Connection c = java.sql.DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO project (id, name, public_key, created_at) VALUES ('1', 'default', '0123456789abcdef0123456789abcdef', 0)");
      long t = started.toEpochMilli();
      s.executeUpdate(
          "INSERT INTO session (project_id, sid, did, release, environment, status, errors, seq,"
              + " init_seen, started, duration_ms, updated_at) VALUES"
              + " ('1','a','u1','old@1','beta','exited',0,1,1,"
              + t
              + ",null,"
              + t
              + "),"
              + " ('1','b','u1','old@1','beta','crashed',1,2,1,"
              + t
              + ",null,"
              + t
              + "),"
              + " ('1','c','u2','old@1','beta','exited',0,1,1,"
              + t
              + ",null,"
              + t
              + ")");
    }
    Config config = RunningServer.config(db);
    try (Store store = Store.open(config.store())) {
      assertThat(store.schemaVersion()).isEqualTo("3");
      dev.gonogo.feedback.health.HealthQueries q =
          new dev.gonogo.feedback.health.HealthQueries(
              store.dataSource(), java.time.Clock.systemUTC());
      var totals = q.totals("1", "old@1", null).orElseThrow().counts();
      assertThat(totals.sessions()).isEqualTo(3);
      assertThat(totals.crashed()).isEqualTo(1);
      assertThat(totals.users()).isEqualTo(2);
      assertThat(totals.crashedUsers()).isEqualTo(1);
    }
  }
}
