package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.sentry.GoldenEnvelopeFiles;
import dev.gonogo.feedback.sentry.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.DeflaterOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/{project}/envelope/} and {@code /store/} over real HTTP on a real SQLite file:
 * every golden envelope, the auth forms, the encodings, the limits, duplicates, rate limits and a
 * store that is gone. Each refusal must carry its stable code and lose nothing accepted before.
 */
class EnvelopeEndpointTest {
  private static final String EVENT_ID = "9ec79c33ec9942ab8353589fcb2e04dc";

  @TempDir Path dir;
  private RunningServer service;

  private RunningServer start(UnaryOperator<Config> adjust) {
    service = new RunningServer(dir.resolve("ingest.db"), adjust);
    return service;
  }

  private RunningServer start() {
    return start(c -> c);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  static String crashEnvelope(String eventId, String release) {
    return "{\"event_id\":\""
        + eventId
        + "\"}\n{\"type\":\"event\"}\n"
        + "{\"release\":\""
        + release
        + "\",\"platform\":\"java\",\"exception\":{\"values\":[{\"type\":\"IllegalStateException\","
        + "\"module\":\"java.lang\",\"value\":\"cart total negative\","
        + "\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false},"
        + "\"stacktrace\":{\"frames\":[{\"module\":\"com.acme.Pay\",\"function\":\"charge\","
        + "\"lineno\":12,\"in_app\":true}]}}]}}\n";
  }

  static String sessionItem(String sid, String status, String release) {
    return "{\"type\":\"session\"}\n{\"sid\":\""
        + sid
        + "\",\"init\":true,\"started\":\"2026-12-01T10:00:00Z\",\"status\":\""
        + status
        + "\",\"attrs\":{\"release\":\""
        + release
        + "\"}}\n";
  }

  private static JsonNode body(HttpResponse<String> response) {
    return RunningServer.json(response.body());
  }

  static List<Named<Path>> malformed() throws IOException {
    return GoldenEnvelopeFiles.malformed();
  }

  static List<Named<Path>> valid() throws IOException {
    return GoldenEnvelopeFiles.valid();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedEnvelope_isRefusedWithTheStatusAndCodeInItsName_andStoresNothing(Path file)
      throws IOException {
    RejectReason expected = GoldenEnvelopeFiles.reasonNamedBy(file);
    start();

    HttpResponse<String> response = service.postEnvelope(Files.readAllBytes(file), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected.status());
    assertThat(body(response).path("code").asText()).isEqualTo(expected.code());
    assertThat(body(response).path("message").asText()).isNotBlank();
    service
        .read("/stats")
        .path("stored")
        .forEach(count -> assertThat(count.asLong()).as("nothing stored").isZero());
    assertThat(service.send(HttpRequest.newBuilder(service.base.resolve("/health"))).statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validEnvelope_isAcceptedWith200_gzipped(Path file) throws IOException {
    start();

    byte[] envelope = withThisServersDsn(Files.readAllBytes(file));

    HttpResponse<String> response = service.postEnvelope(RunningServer.gzip(envelope), "gzip");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body(response).has("id")).isTrue();
  }

  @Test
  void crash_answers200WithItsId_andIsReadBackGroupedUnderItsSignature() {
    start();

    HttpResponse<String> response = service.postEnvelope(crashEnvelope(EVENT_ID, "app@1.0"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("id").asText()).isEqualTo(EVENT_ID);
    JsonNode event = service.read("/events/" + EVENT_ID);
    assertThat(event.path("crash").asBoolean()).isTrue();
    assertThat(event.path("title").asText())
        .isEqualTo("java.lang.IllegalStateException: at com.acme.Pay.charge");
    assertThat(event.path("body").path("event_id").asText()).isEqualTo(EVENT_ID);
  }

  @Test
  void withScrubbingSwitchedOff_theEventIsStoredAsSent() {
    start(c -> c.withScrub(dev.gonogo.feedback.scrub.ScrubSettings.disabled()));
    String envelope =
        crashEnvelope(EVENT_ID, "app@1.0").replace("cart total negative", "mail ana@example.org");

    assertThat(service.postEnvelope(envelope).statusCode()).isEqualTo(200);

    assertThat(service.read("/events/" + EVENT_ID).path("body").toString())
        .contains("mail ana@example.org");
  }

  @Test
  void reSentEventId_isStoredOnce_andAnsweredWithTheSameId() {
    start();
    String envelope = crashEnvelope(EVENT_ID, "app@1.0");

    HttpResponse<String> first = service.postEnvelope(envelope);
    HttpResponse<String> again = service.postEnvelope(envelope);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(body(again).path("id").asText()).isEqualTo(EVENT_ID);
    assertThat(service.read("/stats").path("stored").path("event").asLong()).isEqualTo(1);
    assertThat(service.read("/signatures").path("items").get(0).path("events").asLong())
        .as("counted once")
        .isEqualTo(1);
  }

  @Test
  void reSentClientReport_isCountedOnce() {
    start();
    String report =
        "{}\n{\"type\":\"client_report\"}\n{\"discarded_events\":["
            + "{\"reason\":\"queue_overflow\",\"category\":\"error\",\"quantity\":4}]}\n";

    assertThat(service.postEnvelope(report).statusCode()).isEqualTo(200);
    assertThat(service.postEnvelope(report).statusCode()).isEqualTo(200);

    JsonNode discarded = service.read("/client-reports").path("discarded");
    assertThat(discarded).hasSize(1);
    assertThat(discarded.get(0).path("quantity").asLong()).isEqualTo(4);
  }

  @Test
  void authInTheQueryString_andInTheEnvelopeDsn_areAccepted() {
    start();
    String path = "/api/" + service.project.id() + "/envelope/";

    HttpResponse<String> query =
        service.send(
            HttpRequest.newBuilder(
                    service.base.resolve(
                        path + "?sentry_key=" + service.project.publicKey() + "&sentry_version=7"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        crashEnvelope("11111111111111111111111111111111", "app@1.0"))));
    String withDsn =
        crashEnvelope("22222222222222222222222222222222", "app@1.0")
            .replaceFirst("\\{", "{\"dsn\":\"" + service.dsn() + "\",");
    HttpResponse<String> dsn =
        service.send(
            HttpRequest.newBuilder(service.base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(withDsn)));

    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(dsn.statusCode()).as(dsn.body()).isEqualTo(200);
    assertThat(service.read("/stats").path("stored").path("event").asLong()).isEqualTo(2);
  }

  @Test
  void noCredentials_is401MissingAuth_andAWrongKey_is403UnknownKey() {
    start();
    String path = "/api/" + service.project.id() + "/envelope/";
    String envelope = crashEnvelope(EVENT_ID, "app@1.0");

    HttpResponse<String> none =
        service.send(
            HttpRequest.newBuilder(service.base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    HttpResponse<String> wrong =
        service.send(
            HttpRequest.newBuilder(service.base.resolve(path))
                .header(
                    "X-Sentry-Auth", "Sentry sentry_key=" + "0".repeat(32) + ", sentry_version=7")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    HttpResponse<String> noProject =
        service.send(
            HttpRequest.newBuilder(service.base.resolve("/api/999/envelope/"))
                .header("X-Sentry-Auth", service.sentryAuth())
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(body(none).path("code").asText()).isEqualTo("missing_auth");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(body(wrong).path("code").asText()).isEqualTo("unknown_key");
    assertThat(noProject.statusCode()).isEqualTo(403);
    assertThat(body(noProject).path("code").asText()).isEqualTo("unknown_key");
    assertThat(service.read("/stats").path("stored").path("event").asLong()).isZero();
  }

  @Test
  void aDsnNamingAnotherProject_is403ProjectMismatch() {
    start();
    String other = service.dsn().replaceFirst("/" + service.project.id() + "$", "/77");
    String envelope =
        crashEnvelope(EVENT_ID, "app@1.0").replaceFirst("\\{", "{\"dsn\":\"" + other + "\",");

    HttpResponse<String> response = service.postEnvelope(envelope);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(body(response).path("code").asText()).isEqualTo("project_mismatch");
  }

  @ParameterizedTest(name = "Content-Encoding: {0}")
  @ValueSource(strings = {"gzip", "deflate", "zstd", "identity"})
  void everySupportedEncoding_isDecoded(String encoding) throws IOException {
    start();
    byte[] plain = crashEnvelope(EVENT_ID, "app@1.0").getBytes(StandardCharsets.UTF_8);
    byte[] encoded =
        switch (encoding) {
          case "gzip" -> RunningServer.gzip(plain);
          case "deflate" -> deflate(plain);
          case "zstd" -> Zstd.compress(plain);
          default -> plain;
        };

    HttpResponse<String> response = service.postEnvelope(encoded, encoding);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(service.read("/events/" + EVENT_ID).path("crash").asBoolean()).isTrue();
  }

  @Test
  void brotli_fromTheGoldenFile_isDecoded() throws IOException {
    start();
    byte[] br =
        Files.readAllBytes(
            GoldenEnvelopeFiles.folder("encoded")
                .resolve("java-sdk-8.62-session-init.envelope.br"));

    HttpResponse<String> response = service.postEnvelope(br, "br");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(service.read("/stats").path("stored").path("session").asLong()).isEqualTo(1);
  }

  @Test
  void aDecompressionBomb_is413_andTheServiceStaysHealthy() throws IOException {
    start(
        c ->
            c.withIngest(
                new Config.Ingest(1 << 20, 1 << 20, 1 << 20, 200, 64 << 20, 4000, 256, 10_000)));
    byte[] bomb =
        Files.readAllBytes(GoldenEnvelopeFiles.folder("encoded").resolve("zeros-10MiB.br"));

    HttpResponse<String> response = service.postEnvelope(bomb, "br");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(body(response).path("code").asText()).isEqualTo("decompression_bomb");
    assertThat(service.postEnvelope(crashEnvelope(EVENT_ID, "app@1.0")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimit_is413BodyTooLarge() {
    start(
        c ->
            c.withIngest(
                new Config.Ingest(4096, 1 << 20, 1 << 20, 200, 64 << 20, 4000, 256, 10_000)));
    String big =
        crashEnvelope(EVENT_ID, "app@1.0").replace("cart total negative", "x".repeat(8000));

    HttpResponse<String> response = service.postEnvelope(big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(body(response).path("code").asText()).isEqualTo("body_too_large");
  }

  /** The client's connection ends mid-body: that is no fault of the body's encoding. */
  @Test
  void aBodyCutShortByItsClient_is400IncompleteBody_andNothingIsStored() throws Exception {
    start();
    byte[] body = crashEnvelope(EVENT_ID, "app@1.0").getBytes(StandardCharsets.UTF_8);

    RawHttp.Response response;
    try (RawHttp client = RawHttp.connect(service)) {
      client.send(RawHttp.envelopeHead(service, body.length));
      client.send(body, 0, body.length / 2);
      client.endOutput();
      response = client.read();
    }

    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.json().path("code").asText()).isEqualTo("incomplete_body");
    assertThat(service.read("/stats").path("stored").path("event").asLong()).isZero();
  }

  /** Refused 503 it would be sent again and again by the SDK, and could never be taken. */
  @Test
  void aBodyLargerThanTheWholeInFlightBudget_is413DecompressionBomb_neverSendAgain() {
    start(
        c ->
            c.withIngest(
                new Config.Ingest(4 << 20, 20 << 20, 1 << 20, 200, 1 << 20, 4000, 256, 10_000)));
    String big =
        crashEnvelope(EVENT_ID, "app@1.0").replace("cart total negative", "y".repeat(2 << 20));

    HttpResponse<String> refused =
        service.postEnvelope(RunningServer.gzip(big.getBytes(StandardCharsets.UTF_8)), "gzip");
    HttpResponse<String> next = service.postEnvelope(crashEnvelope(EVENT_ID, "app@1.0"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(body(refused).path("code").asText()).isEqualTo("decompression_bomb");
    assertThat(next.statusCode()).as("budget returned").isEqualTo(200);
    assertThat(service.metric("gonogo_ingest_inflight_bytes")).isZero();
  }

  /**
   * A request that fits the budget alone but not with what the requests in progress hold: 503, send
   * again; the request in progress is still taken, and the budget is returned after both.
   */
  @Test
  void aBodyThatWouldPassTheBudgetWithTheRequestsInProgress_is503IngestOverloaded()
      throws Exception {
    start(
        c ->
            c.withIngest(
                new Config.Ingest(4 << 20, 20 << 20, 1 << 20, 200, 1 << 20, 4000, 256, 10_000)));
    String slowId = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
    byte[] slowBody =
        crashEnvelope(slowId, "app@1.0")
            .replace("cart total negative", "s".repeat(700_000))
            .getBytes(StandardCharsets.UTF_8);
    String other =
        crashEnvelope(EVENT_ID, "app@1.0").replace("cart total negative", "o".repeat(600_000));
    try (RawHttp slow = RawHttp.connect(service)) {
      slow.send(RawHttp.envelopeHead(service, slowBody.length));
      slow.send(slowBody, 0, 650_000);
      Awaitility.await("the slow request holds most of the 1 MiB budget")
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> service.metric("gonogo_ingest_inflight_bytes") >= 600_000);

      HttpResponse<String> refused =
          service.postEnvelope(RunningServer.gzip(other.getBytes(StandardCharsets.UTF_8)), "gzip");
      slow.send(slowBody, 650_000, slowBody.length - 650_000);
      RawHttp.Response slowAnswer = slow.read();

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(body(refused).path("code").asText()).isEqualTo("ingest_overloaded");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(slowAnswer.status()).as("the request in progress: %s", slowAnswer).isEqualTo(200);
      assertThat(slowAnswer.json().path("id").asText()).isEqualTo(slowId);
    }
    assertThat(
            service
                .postEnvelope(RunningServer.gzip(other.getBytes(StandardCharsets.UTF_8)), "gzip")
                .statusCode())
        .as("the same body once the budget is free")
        .isEqualTo(200);
    assertThat(service.metric("gonogo_ingest_inflight_bytes")).isZero();
  }

  @Test
  void anEventOverTheRateLimit_is429WithSentryHeaders_countedNotStored_itsSessionStored() {
    start(c -> c.withRateLimits(new Config.RateLimits(0.001, 1, 0, 0, 100)));
    String first = crashEnvelope("11111111111111111111111111111111", "app@1.0");
    String second =
        crashEnvelope("22222222222222222222222222222222", "app@1.0")
            + sessionItem("7c7b6585-f901-4351-bf8d-809d9d9d9d9d", "crashed", "app@1.0");

    HttpResponse<String> accepted = service.postEnvelope(first);
    HttpResponse<String> limited = service.postEnvelope(second);

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(body(limited).path("code").asText()).isEqualTo("rate_limited");
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(limited.headers().firstValue("X-Sentry-Rate-Limits").orElseThrow())
        .matches("\\d+:error:project:project_quota");
    JsonNode signature = service.read("/signatures").path("items").get(0);
    assertThat(signature.path("events").asLong()).isEqualTo(2);
    assertThat(signature.path("storedEvents").asLong()).isEqualTo(1);
    assertThat(signature.path("droppedEvents").asLong()).isEqualTo(1);
    JsonNode stored = service.read("/stats").path("stored");
    assertThat(stored.path("event").asLong()).isEqualTo(1);
    assertThat(stored.path("session").asLong()).as("sessions are never limited").isEqualTo(1);
  }

  @Test
  void anAttachmentOverTheCap_isSkipped_itsEventStored() {
    start(
        c ->
            c.withIngest(
                new Config.Ingest(1 << 20, 20 << 20, 16, 200, 64 << 20, 4000, 256, 10_000)));
    String envelope =
        crashEnvelope(EVENT_ID, "app@1.0")
            + "{\"type\":\"attachment\",\"length\":5,\"filename\":\"a.txt\"}\nsmall\n"
            + "{\"type\":\"attachment\",\"length\":40,\"filename\":\"b.log\"}\n"
            + "x".repeat(40)
            + "\n";

    HttpResponse<String> response = service.postEnvelope(envelope);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode attachments = service.read("/events/" + EVENT_ID).path("attachments");
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).path("filename").asText()).isEqualTo("a.txt");
    String id = attachments.get(0).path("attachmentId").asText();
    HttpResponse<String> file =
        service.send(
            HttpRequest.newBuilder(
                    service.base.resolve(
                        "/api/v1/projects/" + service.project.id() + "/attachments/" + id))
                .header("Authorization", "Bearer " + RunningServer.TOKEN));
    assertThat(file.body()).isEqualTo("small");
  }

  @Test
  void aTextAttachment_isScrubbed_aBinaryOneIsKeptAsSent() {
    start();
    String log = "user=ana@example.org paid";
    String binary = "\u0001\u0002ana@example.org";
    String envelope =
        crashEnvelope(EVENT_ID, "app@1.0")
            + "{\"type\":\"attachment\",\"length\":"
            + log.length()
            + ",\"filename\":\"pay.log\",\"content_type\":\"text/plain\"}\n"
            + log
            + "\n{\"type\":\"attachment\",\"length\":"
            + binary.length()
            + ",\"filename\":\"core.bin\"}\n"
            + binary
            + "\n";

    assertThat(service.postEnvelope(envelope).statusCode()).isEqualTo(200);

    JsonNode attachments = service.read("/events/" + EVENT_ID).path("attachments");
    assertThat(attachments).hasSize(2);
    java.util.Map<String, String> bodies = new java.util.HashMap<>();
    attachments.forEach(
        a ->
            bodies.put(
                a.path("filename").asText(),
                service
                    .send(
                        HttpRequest.newBuilder(
                                service.base.resolve(
                                    "/api/v1/projects/"
                                        + service.project.id()
                                        + "/attachments/"
                                        + a.path("attachmentId").asText()))
                            .header("Authorization", "Bearer " + RunningServer.TOKEN))
                    .body()));
    assertThat(bodies.get("pay.log")).isEqualTo("user=[email] paid");
    assertThat(bodies.get("core.bin")).isEqualTo(binary);
  }

  @Test
  void legacyStoreEndpoint_acceptsOneEventAsJson() {
    start();
    String event =
        crashEnvelope(EVENT_ID, "app@1.0")
            .lines()
            .skip(2)
            .findFirst()
            .orElseThrow()
            .replaceFirst("\\{", "{\"event_id\":\"" + EVENT_ID + "\",");

    HttpResponse<String> response =
        service.send(
            HttpRequest.newBuilder(service.base.resolve("/api/" + service.project.id() + "/store/"))
                .header("X-Sentry-Auth", service.sentryAuth())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body(response).path("id").asText()).isEqualTo(EVENT_ID);
    assertThat(service.read("/events/" + EVENT_ID).path("crash").asBoolean()).isTrue();
  }

  @Test
  void whenTheStoreIsGone_ingestAnswers503WithRetryAfter_notAHang() {
    start();
    assertThat(service.postEnvelope(crashEnvelope(EVENT_ID, "app@1.0")).statusCode())
        .isEqualTo(200);
    service.store.close(); // the database connection pool is gone

    HttpResponse<String> response =
        service.postEnvelope(crashEnvelope("33333333333333333333333333333333", "app@1.0"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(body(response).path("code").asText()).isEqualTo("store_unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
  }

  /** A golden envelope whose header names a DSN gets this server's, so the keys agree. */
  private byte[] withThisServersDsn(byte[] envelope) {
    String text = new String(envelope, StandardCharsets.ISO_8859_1);
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    if (!header.contains("\"dsn\"")) {
      return envelope;
    }
    String replaced =
        header.replaceFirst("\"dsn\"\\s*:\\s*\"[^\"]*\"", "\"dsn\":\"" + service.dsn() + "\"");
    return (replaced + (end < 0 ? "" : text.substring(end))).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deflate(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }
}
