package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native JSON ingest API (for clients without a Sentry SDK) and the read API, over real HTTP on
 * a real SQLite file: what a client sends through one is what the other returns.
 */
class NativeAndReadApiTest {
  @TempDir Path dir;
  private RunningServer service;

  @BeforeEach
  void start() {
    service = new RunningServer(dir.resolve("native.db"), c -> c);
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResponse<String> post(String what, String json, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                service.base.resolve("/api/v1/ingest/" + service.project.id() + "/" + what))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header(NativeIngestRoutes.KEY_HEADER, key);
    }
    return service.send(request);
  }

  private HttpResponse<String> post(String what, String json) {
    return post(what, json, service.project.publicKey());
  }

  private static String event(String id, String release, String function) {
    return "{\"event_id\":\""
        + id
        + "\",\"release\":\""
        + release
        + "\",\"platform\":\"javascript\",\"user\":{\"id\":\"u-1\",\"email\":\"ana@example.org\"},"
        + "\"exception\":{\"values\":[{\"type\":\"TypeError\",\"value\":\"x is undefined\","
        + "\"mechanism\":{\"type\":\"onerror\",\"handled\":false},\"stacktrace\":{\"frames\":["
        + "{\"function\":\""
        + function
        + "\",\"filename\":\"app.js\",\"lineno\":3,\"in_app\":true}]}}]}}";
  }

  @Test
  void nativeEvent_sessionsAndFeedback_areStored_andReadBack() {
    String id = "aaaaaaaabbbbccccddddeeeeeeeeeeee";

    HttpResponse<String> event = post("events", event(id, "web@3.1", "renderCart"));
    HttpResponse<String> sessions =
        post(
            "sessions",
            "{\"sessions\":["
                + "{\"sid\":\"11111111-2222-3333-4444-555555555555\",\"did\":\"d1\",\"init\":true,"
                + "\"started\":\"2026-12-01T10:00:00Z\",\"status\":\"crashed\",\"errors\":1,"
                + "\"attrs\":{\"release\":\"web@3.1\",\"environment\":\"beta\"}},"
                + "{\"sid\":\"66666666-2222-3333-4444-555555555555\",\"did\":\"d2\",\"init\":true,"
                + "\"started\":\"2026-12-01T10:00:00Z\",\"status\":\"exited\","
                + "\"attrs\":{\"release\":\"web@3.1\",\"environment\":\"beta\"}}]}");
    HttpResponse<String> feedback =
        post(
            "feedback",
            "{\"message\":\"Cart is empty after reload\",\"name\":\"Ana\","
                + "\"email\":\"ana@example.org\",\"eventId\":\""
                + id
                + "\"}");

    assertThat(event.statusCode()).as(event.body()).isEqualTo(200);
    assertThat(RunningServer.json(event.body()).path("id").asText()).isEqualTo(id);
    assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
    assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);

    JsonNode stored = service.read("/events/" + id);
    assertThat(stored.path("title").asText()).isEqualTo("TypeError: at renderCart (app.js)");
    assertThat(stored.path("body").path("user").path("email").asText()).isEqualTo("[email]");
    assertThat(stored.path("feedback").get(0).path("message").asText())
        .isEqualTo("Cart is empty after reload");
    JsonNode counts = service.read("/sessions?release=web@3.1").path("releases").get(0);
    assertThat(counts.path("environment").asText()).isEqualTo("beta");
    assertThat(counts.path("total").asLong()).isEqualTo(2);
    assertThat(counts.path("crashed").asLong()).isEqualTo(1);
    assertThat(counts.path("exited").asLong()).isEqualTo(1);
    assertThat(counts.path("distinctIds").asLong()).isEqualTo(2);
  }

  @Test
  void nativeFeedbackSentTwice_asAClientRetries_isStoredOnce() {
    String feedback = "{\"message\":\"Search is slow\",\"name\":\"Ana\"}";

    assertThat(post("feedback", feedback).statusCode()).isEqualTo(200);
    assertThat(post("feedback", feedback).statusCode()).isEqualTo(200);

    assertThat(service.read("/feedback").path("items")).hasSize(1);
  }

  @Test
  void nativeEvent_withAnEmptyBody_is400EmptyBody() {
    HttpResponse<String> response = post("events", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(response.body()).path("code").asText()).isEqualTo("empty_body");
  }

  @Test
  void nativeIngest_withoutKey_is401_withAWrongKey_is403() {
    HttpResponse<String> none = post("events", event("a".repeat(32), "web@3.1", "f"), null);
    HttpResponse<String> wrong =
        post("events", event("a".repeat(32), "web@3.1", "f"), "f".repeat(32));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(RunningServer.json(none.body()).path("code").asText()).isEqualTo("missing_auth");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(RunningServer.json(wrong.body()).path("code").asText()).isEqualTo("unknown_key");
  }

  @Test
  void nativeSessions_oneInvalid_refusesTheRequestWhole_namingTheField() {
    HttpResponse<String> response =
        post(
            "sessions",
            "{\"sessions\":["
                + "{\"sid\":\"11111111-2222-3333-4444-555555555555\",\"init\":true,"
                + "\"started\":\"2026-12-01T10:00:00Z\",\"attrs\":{\"release\":\"web@3.1\"}},"
                + "{\"sid\":\"66666666-2222-3333-4444-555555555555\",\"init\":true,"
                + "\"started\":\"2026-12-01T10:00:00Z\",\"attrs\":{}}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = RunningServer.json(response.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid_session");
    assertThat(body.path("message").asText()).contains("item 1", "attrs.release");
    assertThat(service.read("/stats").path("stored").path("session").asLong()).isZero();
  }

  @Test
  void nativeFeedback_withoutMessage_is400InvalidFeedback() {
    HttpResponse<String> response = post("feedback", "{\"name\":\"Ana\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = RunningServer.json(response.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid_feedback");
    assertThat(body.path("message").asText()).contains("message");
  }

  @Test
  void readApi_pagesSignaturesAndEvents_mostFrequentFirst() {
    for (int i = 0; i < 3; i++) {
      post("events", event(String.format("%032x", 100 + i), "web@3.1", "often"));
    }
    post("events", event(String.format("%032x", 200), "web@3.1", "rarely"));
    post("events", event(String.format("%032x", 300), "web@3.2", "rarely"));

    JsonNode first = service.read("/signatures?limit=1");
    JsonNode second = service.read("/signatures?limit=1&offset=" + first.path("next").asInt());
    JsonNode onlyNewRelease = service.read("/signatures?release=web@3.2");
    JsonNode events = service.read("/events?release=web@3.1&limit=2");

    assertThat(first.path("items").get(0).path("title").asText())
        .isEqualTo("TypeError: at often (app.js)");
    assertThat(first.path("items").get(0).path("events").asLong()).isEqualTo(3);
    assertThat(first.path("next").asInt()).isEqualTo(1);
    assertThat(second.path("items").get(0).path("title").asText())
        .isEqualTo("TypeError: at rarely (app.js)");
    assertThat(second.path("items").get(0).path("events").asLong()).isEqualTo(2);
    assertThat(second.path("next").isNull()).isTrue();
    assertThat(onlyNewRelease.path("items")).hasSize(1);
    assertThat(onlyNewRelease.path("items").get(0).path("events").asLong()).isEqualTo(1);
    assertThat(events.path("items")).hasSize(2);
    assertThat(events.path("next").asInt()).isEqualTo(2);

    String fingerprint = first.path("items").get(0).path("fingerprint").asText();
    JsonNode detail = service.read("/signatures/" + fingerprint);
    assertThat(detail.path("latestEvents")).hasSize(3);
    assertThat(service.read("/events?signature=" + fingerprint).path("items")).hasSize(3);
  }

  @Test
  void readApi_needsTheAdminToken_andNamesBadParameters() {
    HttpResponse<String> noToken =
        service.send(
            HttpRequest.newBuilder(
                service.base.resolve("/api/v1/projects/" + service.project.id() + "/events")));
    HttpResponse<String> badLimit =
        service.send(
            HttpRequest.newBuilder(
                    service.base.resolve(
                        "/api/v1/projects/" + service.project.id() + "/events?limit=0"))
                .header("Authorization", "Bearer " + RunningServer.TOKEN));
    HttpResponse<String> unknown =
        service.send(
            HttpRequest.newBuilder(
                    service.base.resolve(
                        "/api/v1/projects/" + service.project.id() + "/events/" + "b".repeat(32)))
                .header("Authorization", "Bearer " + RunningServer.TOKEN));

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(RunningServer.json(noToken.body()).path("code").asText())
        .isEqualTo("missing_admin_token");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(RunningServer.json(badLimit.body()).path("code").asText())
        .isEqualTo("invalid_parameter");
    assertThat(RunningServer.json(badLimit.body()).path("field").asText()).isEqualTo("limit");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(RunningServer.json(unknown.body()).path("code").asText()).isEqualTo("unknown_event");
  }

  @Test
  void ingestRoutes_doNotAcceptTheAdminTokenInPlaceOfTheProjectKey() {
    HttpResponse<String> response =
        service.send(
            HttpRequest.newBuilder(
                    service.base.resolve("/api/v1/ingest/" + service.project.id() + "/events"))
                .header("Authorization", "Bearer " + RunningServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(event("c".repeat(32), "web@3.1", "f"))));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void metrics_countRejectionsByTheirStableCode() {
    post("feedback", "{\"name\":\"Ana\"}");

    String metrics = service.send(HttpRequest.newBuilder(service.base.resolve("/metrics"))).body();

    assertThat(metrics).contains("gonogo_ingest_rejected_total{reason=\"invalid_feedback\"} 1.0");
  }
}
