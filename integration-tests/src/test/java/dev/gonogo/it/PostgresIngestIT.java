package dev.gonogo.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The whole ingestion path on a real PostgreSQL: the production wiring runs in-process on a fresh
 * database of the shared PostgreSQL container, Sentry envelopes go in over real HTTP, and the read
 * API must show what was stored, how it was grouped and what was scrubbed.
 *
 * <p>Ingestion answers 200 only after its commit, so every read right after a send sees it: no test
 * here waits. Each test sends its own releases and crashes, so the tests do not depend on each
 * other or on their order.
 */
@Epic("beta-feedback")
@Feature("Sentry ingestion on PostgreSQL")
@ExtendWith(ContainerLogsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIngestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "tess.tester@example.com";
  private static final String IP = "203.0.113.9";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private PostgreSQLContainer postgres;
  private String database;
  private Config config;
  private Store store;
  private BetaFeedbackServer server;
  private URI base;
  private String projectId;
  private String publicKey;

  @BeforeAll
  void startOnAFreshDatabase() throws Exception {
    postgres = SharedContainers.postgres();
    database = "ingest_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    onContainerDatabase("CREATE DATABASE " + database);
    String url =
        "jdbc:postgresql://"
            + postgres.getHost()
            + ":"
            + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
            + "/"
            + database;
    Properties settings = new Properties();
    settings.setProperty("gonogo.store.url", url);
    settings.setProperty("gonogo.store.user", postgres.getUsername());
    settings.setProperty("gonogo.store.password", postgres.getPassword());
    config =
        Config.from(Settings.load(Optional.empty(), Map.of(), settings)).withServer("127.0.0.1", 0);
    store = closeLater(Store.open(config.store()));
    server = closeLater(BetaFeedbackServer.create(config, Clock.systemUTC(), store));
    base = server.start();

    JsonNode projects = adminJson(base, "/api/v1/projects").path("projects");
    assertThat(projects).as("projects of a fresh database: %s", projects).hasSize(1);
    projectId = projects.get(0).path("id").asText();
    publicKey = projects.get(0).path("publicKey").asText();
    assertThat(projectId).isEqualTo(server.defaultProject().id()).isEqualTo("1");
    assertThat(publicKey).isEqualTo(server.defaultProject().publicKey());
  }

  @AfterAll
  void stopAndDropTheDatabase() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    if (database != null) {
      onContainerDatabase("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  @Story("/ready reports the schema version migrated on PostgreSQL")
  void ready_onPostgres_reportsTheMigratedSchemaVersion() throws Exception {
    HttpResponse<String> response = get(base.resolve("/ready"));

    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(200);
    JsonNode ready = JSON.readTree(response.body());

    assertThat(ready.path("status").asText()).isEqualTo("READY");
    assertThat(ready.path("schemaVersion").asText()).isEqualTo("3");
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT current_database(), (SELECT version FROM flyway_schema_history"
                    + " WHERE success ORDER BY installed_rank DESC LIMIT 1)")) {
      r.next();
      assertThat(r.getString(1)).as("the fresh database of this suite").isEqualTo(database);
      assertThat(r.getString(2)).as("Flyway's latest version").isEqualTo("3");
    }
  }

  @Test
  @Story("The same crash in two releases is one signature; a re-sent event is stored once")
  void sameCrashInTwoReleases_isOneSignatureWithTwoReleases_andAReSentEventIsStoredOnce() {
    String first = eventId(0x101);
    String second = eventId(0x102);
    String otherBug = eventId(0x103);
    byte[] crashInOneZero = envelope(first, event(crash(first, "shop@1.0", "settle", "declined")));

    assertAccepted(send(crashInOneZero), first);
    assertAccepted(send(crashInOneZero), first); // the SDK's offline cache sends it again
    assertAccepted(
        sendGzip(envelope(second, event(crash(second, "shop@1.1", "settle", "declined again")))),
        second);
    assertAccepted(
        send(envelope(otherBug, event(crash(otherBug, "shop@1.0", "refund", "declined")))),
        otherBug);

    JsonNode inOneZero = read("/events?release=shop@1.0").path("items");
    assertThat(ids(inOneZero)).containsExactlyInAnyOrder(first, otherBug);
    String fingerprint = eventOf(inOneZero, first).path("signature").asText();
    assertThat(eventOf(inOneZero, otherBug).path("signature").asText())
        .as("another top frame is another bug")
        .isNotEqualTo(fingerprint);
    assertThat(ids(read("/events?signature=" + fingerprint).path("items")))
        .containsExactlyInAnyOrder(first, second);

    JsonNode signature = read("/signatures/" + fingerprint);
    assertThat(signature.path("title").asText())
        .isEqualTo("java.lang.IllegalStateException: at com.example.shop.Invoice.settle");
    assertThat(signature.path("firstRelease").asText()).isEqualTo("shop@1.0");
    assertThat(signature.path("events").asLong()).as("events, the re-sent one once").isEqualTo(2);
    assertThat(signature.path("storedEvents").asLong()).isEqualTo(2);
    assertThat(signature.path("droppedEvents").asLong()).isZero();
    assertThat(signature.path("releases")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode release = signature.path("releases").get(i);
      assertThat(release.path("release").asText()).isEqualTo(i == 0 ? "shop@1.0" : "shop@1.1");
      assertThat(release.path("environment").asText()).isEqualTo("beta");
      assertThat(release.path("events").asLong()).isEqualTo(1);
    }
    assertThat(ids(signature.path("latestEvents"))).containsExactlyInAnyOrder(first, second);

    JsonNode inOneOne = read("/signatures?release=shop@1.1").path("items");
    assertThat(inOneOne).hasSize(1);
    assertThat(inOneOne.get(0).path("fingerprint").asText()).isEqualTo(fingerprint);
    assertThat(inOneOne.get(0).path("events").asLong()).isEqualTo(1);
    assertThat(read("/signatures?release=shop@1.0").path("items")).hasSize(2);
  }

  @Test
  @Story("A stored event is scrubbed: e-mails replaced, the sender's IP address removed")
  void storedEvent_isScrubbed_emailsReplacedAndIpAddressRemoved() {
    String id = eventId(0x201);
    assertAccepted(
        send(envelope(id, event(crash(id, "shop@2.0", "mail", "no receipt for " + EMAIL)))), id);

    JsonNode event = read("/events/" + id);
    JsonNode body = event.path("body");
    assertThat(body.path("exception").path("values").get(0).path("value").asText())
        .isEqualTo("no receipt for [email]");
    assertThat(body.path("user").path("email").asText()).isEqualTo("[email]");
    assertThat(body.path("user").has("ip_address")).as("user.ip_address is removed").isFalse();
    assertThat(body.path("user").path("id").asText()).isEqualTo("tester-7");
    assertThat(body.toString()).doesNotContain(EMAIL, IP);
    assertThat(body.path("event_id").asText()).isEqualTo(id);
    assertThat(event.path("crash").asBoolean()).as("mechanism.handled=false").isTrue();
    assertThat(event.path("release").asText()).isEqualTo("shop@2.0");
    assertThat(event.path("platform").asText()).isEqualTo("java");
    assertThat(event.path("level").asText()).isEqualTo("fatal");
    assertThat(event.path("userId").asText()).isEqualTo("tester-7");
  }

  @Test
  @Story("Session updates merge: later seq wins, crashed is final, a re-sent init counts once")
  void sessionUpdates_laterSeqWins_crashedIsFinal_reSentInitCountedOnce() throws Exception {
    String release = "shop@3.0";
    String reordered = UUID.randomUUID().toString();
    String crashed = UUID.randomUUID().toString();
    String resent = UUID.randomUUID().toString();
    String endedLow = UUID.randomUUID().toString();

    // Between ok updates the higher seq wins, also when the lower one arrives last.
    sendSession(session(reordered, "d1", release, true, 1, "ok", 1));
    sendSession(session(reordered, "d1", release, false, 3, "ok", 30));
    sendSession(session(reordered, "d1", release, false, 2, "ok", 20));
    // Once crashed, a session stays crashed, even when a later update says exited.
    sendSession(session(crashed, "d1", release, true, 1, "ok", 1));
    sendSession(session(crashed, "d1", release, false, 2, "crashed", 2));
    sendSession(session(crashed, "d1", release, false, 3, "exited", 3));
    // The SDK sends the init update again: still one session.
    sendSession(session(resent, "d2", release, true, 1, "ok", 1));
    sendSession(session(resent, "d2", release, true, 1, "ok", 1));
    sendSession(session(resent, "d2", release, false, 2, "exited", 2));
    // The end of an open session ends it whatever its seq (SqlWrites' merge rule).
    sendSession(session(endedLow, "d2", release, true, 5, "ok", 1));
    sendSession(session(endedLow, "d2", release, false, 2, "exited", 2));

    JsonNode counts = onlyRelease(read("/sessions?release=" + release), release);
    assertThat(counts.path("environment").asText()).isEqualTo("beta");
    assertThat(counts.path("total").asLong()).as("sessions, the re-sent init once").isEqualTo(4);
    assertThat(counts.path("ok").asLong()).isEqualTo(1);
    assertThat(counts.path("crashed").asLong()).as("crashed is final").isEqualTo(1);
    assertThat(counts.path("exited").asLong()).isEqualTo(2);
    assertThat(counts.path("errored").asLong()).isZero();
    assertThat(counts.path("abnormal").asLong()).isZero();
    assertThat(counts.path("distinctIds").asLong()).isEqualTo(2);
    // The read API shows no seq or duration: look at the row the merges left.
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT status, seq, duration_ms, init_seen FROM session WHERE sid = ?")) {
      s.setString(1, reordered);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("a row for session %s", reordered).isTrue();
        assertThat(r.getString("status")).isEqualTo("ok");
        assertThat(r.getLong("seq")).as("the higher seq").isEqualTo(3);
        assertThat(r.getLong("duration_ms")).as("the duration sent with seq 3").isEqualTo(30_000);
        assertThat(r.getLong("init_seen")).isEqualTo(1);
      }
    }
  }

  @Test
  @Story("Session aggregates sent again (e.g. from the SDK's cache) are counted once")
  void sessionAggregates_reSent_areCountedOnce() {
    String release = "shop@4.0";
    String aggregates =
        compact(
            """
            {"attrs": {"release": "%s", "environment": "beta"},
             "aggregates": [
               {"started": "2026-12-01T10:00:00Z", "did": "d2", "exited": 3, "crashed": 1},
               {"started": "2026-12-01T11:00:00Z", "exited": 2, "errored": 1}]}
            """
                .formatted(release));
    byte[] envelope = envelope(null, new Item("sessions", aggregates));

    assertAccepted(send(envelope), null);
    assertAccepted(sendGzip(envelope), null);

    JsonNode counts = onlyRelease(read("/sessions?release=" + release), release);
    assertThat(counts.path("total").asLong()).as("3+1 and 2+1 sessions, once").isEqualTo(7);
    assertThat(counts.path("exited").asLong()).isEqualTo(5);
    assertThat(counts.path("errored").asLong()).isEqualTo(1);
    assertThat(counts.path("crashed").asLong()).isEqualTo(1);
    assertThat(counts.path("ok").asLong()).isZero();
    assertThat(counts.path("distinctIds").asLong()).as("only the first bucket has a did").isOne();
  }

  @Test
  @Story("A user report is linked to the event it comments on, and scrubbed")
  void userReport_isLinkedToItsEvent_andScrubbed() {
    String id = eventId(0x501);
    assertAccepted(send(envelope(id, event(crash(id, "shop@5.0", "print", "paper jam")))), id);
    String report =
        compact(
            """
            {"event_id": "%s", "name": "Tess Tester", "email": "%s",
             "comments": "It froze when I paid; write to %s"}
            """
                .formatted(id, EMAIL, EMAIL));
    byte[] envelope = envelope(id, new Item("user_report", report));

    assertAccepted(send(envelope), id);
    assertAccepted(send(envelope), id); // sent again: still one report

    JsonNode feedback = read("/events/" + id).path("feedback");
    assertThat(feedback).as("feedback of event %s: %s", id, feedback).hasSize(1);
    assertThat(feedback.get(0).path("eventId").asText()).isEqualTo(id);
    assertThat(feedback.get(0).path("name").asText()).isEqualTo("Tess Tester");
    assertThat(feedback.get(0).path("email").asText()).isEqualTo("[email]");
    assertThat(feedback.get(0).path("message").asText())
        .isEqualTo("It froze when I paid; write to [email]");
    JsonNode listed = read("/feedback?eventId=" + id).path("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("feedbackId").asText())
        .isEqualTo(feedback.get(0).path("feedbackId").asText());
  }

  @Test
  @Story("An invalid item refuses the whole request: nothing of it is stored")
  void envelopeWithAnInvalidSession_is400_andItsEventIsNotStored() throws Exception {
    String id = eventId(0x601);
    String noRelease =
        compact(
            """
            {"sid": "%s", "init": true, "started": "2026-12-01T10:00:00Z", "status": "ok",
             "attrs": {"environment": "beta"}}
            """
                .formatted(UUID.randomUUID()));
    HttpResponse<String> response =
        send(
            envelope(
                id, event(crash(id, "shop@6.0", "ship", "lost")), new Item("session", noRelease)));

    assertThat(response.statusCode()).as("answer: %s", response.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid_session");
    assertThat(body.path("message").asText()).contains("release");
    assertThat(adminGet(base, "/api/v1/projects/" + projectId + "/events/" + id).statusCode())
        .isEqualTo(404);
    assertThat(read("/signatures?release=shop@6.0").path("items")).isEmpty();
  }

  @Test
  @Story("An event over the rate limit is answered 429, counted on its signature, not stored")
  void eventOverTheRateLimit_is429WithHeaders_countedOnItsSignature_bodyNotStored()
      throws Exception {
    // A second instance on the same database, one event per project and second, on a clock that
    // stands still: the first event takes the only token and none comes back.
    Clock stopped = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    BetaFeedbackServer limited =
        closeLater(
            BetaFeedbackServer.create(
                config.withRateLimits(new Config.RateLimits(1, 1, 0, 0, 100)), stopped, store));
    URI limitedBase = limited.start();
    assertThat(limited.adminToken()).as("the admin token kept in PostgreSQL").isEqualTo(token());
    HttpResponse<String> created =
        adminPost(limitedBase, "/api/v1/projects", "{\"name\": \"rate-limit-it\"}");
    assertThat(created.statusCode()).as("answer: %s", created.body()).isEqualTo(201);
    JsonNode project = JSON.readTree(created.body());
    String limitedProject = project.path("id").asText();
    String limitedKey = project.path("publicKey").asText();
    String allowed = eventId(0x701);
    String over = eventId(0x702);
    String sid = UUID.randomUUID().toString();

    HttpResponse<String> first =
        send(
            limitedBase,
            limitedProject,
            limitedKey,
            envelope(allowed, event(crash(allowed, "shop@7.0", "pack", "box too small"))),
            false);
    HttpResponse<String> second =
        send(
            limitedBase,
            limitedProject,
            limitedKey,
            envelope(
                over,
                event(crash(over, "shop@7.0", "pack", "box too small again")),
                new Item("session", session(sid, "d7", "shop@7.0", true, 1, "crashed", 5))),
            false);

    assertAccepted(first, allowed);
    assertThat(second.statusCode()).as("answer: %s", second.body()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(second.headers().firstValue("X-Sentry-Rate-Limits"))
        .hasValue("1:error:project:project_quota");
    JsonNode refused = JSON.readTree(second.body());
    assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
    assertThat(refused.path("id").asText()).isEqualTo(over);

    // Read through the first instance: what the limited one wrote is in the database.
    String path = "/api/v1/projects/" + limitedProject;
    JsonNode events = adminJson(base, path + "/events").path("items");
    assertThat(ids(events)).containsExactly(allowed);
    String fingerprint = events.get(0).path("signature").asText();
    JsonNode signature = adminJson(base, path + "/signatures/" + fingerprint);
    assertThat(signature.path("events").asLong()).as("both events counted").isEqualTo(2);
    assertThat(signature.path("storedEvents").asLong()).isEqualTo(1);
    assertThat(signature.path("droppedEvents").asLong()).isEqualTo(1);
    assertThat(signature.path("releases").get(0).path("droppedEvents").asLong()).isEqualTo(1);
    assertThat(adminGet(base, path + "/events/" + over).statusCode())
        .as("the limited event's body is not stored")
        .isEqualTo(404);
    JsonNode sessions = adminJson(base, path + "/sessions?release=shop@7.0");
    assertThat(onlyRelease(sessions, "shop@7.0").path("crashed").asLong())
        .as("the rest of the limited request was stored")
        .isEqualTo(1);
    JsonNode stored = adminJson(base, path + "/stats").path("stored");
    assertThat(stored.path("event").asLong()).isEqualTo(1);
    assertThat(stored.path("signature").asLong()).isEqualTo(1);
    assertThat(stored.path("session").asLong()).isEqualTo(1);
  }

  // --- what an SDK sends ---

  /** One envelope item: its type (the item header) and its payload, on one line each. */
  private record Item(String type, String payload) {}

  private static Item event(String json) {
    return new Item("event", json);
  }

  /** Envelope header (with the event id, when there is one), then each item's two lines. */
  private static byte[] envelope(String eventId, Item... items) {
    StringBuilder body =
        new StringBuilder(eventId == null ? "{}" : "{\"event_id\":\"" + eventId + "\"}");
    body.append('\n');
    for (Item item : items) {
      body.append("{\"type\":\"").append(item.type()).append("\"}\n");
      body.append(item.payload()).append('\n');
    }
    return body.toString().getBytes(UTF_8);
  }

  /**
   * An uncaught Java crash thrown in {@code com.example.shop.Invoice.<function>}: the top frame
   * decides the signature, so the same function is the same bug in any release and with any
   * message.
   */
  private static String crash(String id, String release, String function, String value) {
    return compact(
        """
        {"event_id": "%s", "timestamp": "2026-12-01T10:05:00Z", "platform": "java",
         "level": "fatal", "release": "%s", "environment": "beta",
         "user": {"id": "tester-7", "email": "%s", "ip_address": "%s"},
         "exception": {"values": [{
           "type": "IllegalStateException", "module": "java.lang", "value": "%s",
           "mechanism": {"type": "UncaughtExceptionHandler", "handled": false},
           "stacktrace": {"frames": [
             {"module": "java.lang.Thread", "function": "run", "lineno": 1583, "in_app": false},
             {"module": "com.example.shop.Checkout", "function": "pay", "lineno": 42,
              "in_app": true},
             {"module": "com.example.shop.Invoice", "function": "%s", "lineno": 7,
              "in_app": true}]}}]}}
        """
            .formatted(id, release, EMAIL, IP, value, function));
  }

  /** A session update; {@code duration} in seconds, as the SDKs send it. */
  private static String session(
      String sid,
      String did,
      String release,
      boolean init,
      long seq,
      String status,
      double duration) {
    return compact(
        """
        {"sid": "%s", "did": "%s", "init": %s, "started": "2026-12-01T10:00:00Z",
         "status": "%s", "seq": %d, "duration": %s, "errors": %d,
         "attrs": {"release": "%s", "environment": "beta", "ip_address": "%s"}}
        """
            .formatted(
                sid,
                did,
                init,
                status,
                seq,
                duration,
                status.equals("crashed") ? 1 : 0,
                release,
                IP));
  }

  /** 32 hex digits, distinct per test. */
  private static String eventId(int n) {
    return "e" + String.format("%031x", n);
  }

  /** The JSON on one line, as an envelope item without a length needs it. */
  private static String compact(String json) {
    try {
      return JSON.readTree(json).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- HTTP ---

  private HttpResponse<String> send(byte[] envelope) {
    return send(base, projectId, publicKey, envelope, false);
  }

  private HttpResponse<String> sendGzip(byte[] envelope) {
    return send(base, projectId, publicKey, envelope, true);
  }

  private void sendSession(String payload) {
    assertAccepted(send(envelope(null, new Item("session", payload))), null);
  }

  private HttpResponse<String> send(
      URI to, String project, String key, byte[] envelope, boolean gzip) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(to.resolve("/api/" + project + "/envelope/"))
            .header("X-Sentry-Auth", "Sentry sentry_key=" + key + ", sentry_version=7")
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(envelope) : envelope));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return exchange(request);
  }

  /** 200 {"id": expectedId} (null for envelopes without an event). */
  private static void assertAccepted(HttpResponse<String> response, String expectedId) {
    assertThat(response.statusCode())
        .as("answer to the envelope: %s", response.body())
        .isEqualTo(200);
    try {
      JsonNode id = JSON.readTree(response.body()).path("id");
      if (expectedId == null) {
        assertThat(id.isNull()).as("id in %s", response.body()).isTrue();
      } else {
        assertThat(id.asText()).isEqualTo(expectedId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An admin GET below the default project, which must answer 200. */
  private JsonNode read(String path) {
    return adminJson(base, "/api/v1/projects/" + projectId + path);
  }

  private JsonNode adminJson(URI to, String path) {
    HttpResponse<String> response = adminGet(to, path);
    assertThat(response.statusCode())
        .as("GET %s answered: %s", path, response.body())
        .isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> adminGet(URI to, String path) {
    return exchange(
        HttpRequest.newBuilder(to.resolve(path)).header("Authorization", "Bearer " + token()));
  }

  private HttpResponse<String> adminPost(URI to, String path, String json) {
    return exchange(
        HttpRequest.newBuilder(to.resolve(path))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private String token() {
    return server.adminToken();
  }

  private HttpResponse<String> get(URI uri) {
    return exchange(HttpRequest.newBuilder(uri));
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // --- reading answers ---

  private static List<String> ids(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.path("eventId").asText()));
    return ids;
  }

  private static JsonNode eventOf(JsonNode events, String id) {
    for (JsonNode e : events) {
      if (e.path("eventId").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no event " + id + " in " + events);
  }

  private static JsonNode onlyRelease(JsonNode sessions, String release) {
    JsonNode releases = sessions.path("releases");
    assertThat(releases).as("session counts: %s", releases).hasSize(1);
    assertThat(releases.get(0).path("release").asText()).isEqualTo(release);
    return releases.get(0);
  }

  // --- plumbing ---

  private <T extends AutoCloseable> T closeLater(T resource) {
    toClose.add(resource);
    return resource;
  }

  /** Runs a statement on the container's own database, e.g. to create this suite's database. */
  private void onContainerDatabase(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
