package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the HTTP server itself answers, for requests that never reach a route: JSON with a stable
 * code, never Jetty's HTML page. The requests are written byte by byte on a real socket, as a
 * broken client or a connection cut by a shutdown leaves them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpLayerErrorsTest {
  private static final String EVENT_ID = "4f1c8e2a9b7d4c3e8a6f5b2d1c0e9a87";
  private static final String OTHER_EVENT_ID = "5a2d9f3b0c8e4d1f9b7a6c3e2d1f0b98";

  @TempDir Path dir;

  @Test
  void bytesThatAreNotHttp_are400MalformedHttp_asJson() throws Exception {
    RawHttp.Response response = malformed("NOT HTTP AT ALL\r\n\r\n", 400);

    assertThat(response.json().path("message").asText())
        .startsWith("the request is not valid HTTP/1.1: ")
        .contains("Illegal character");
  }

  @Test
  void aRequestLineWithoutHttpVersion_is505MalformedHttp_asJson() throws Exception {
    malformed("GET /health\r\n\r\n", 505);
  }

  @Test
  void headersLargerThanTheServerTakes_are431MalformedHttp_asJson() throws Exception {
    malformed(
        "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(64 * 1024) + "\r\n\r\n", 431);
  }

  /** Sends {@code raw}; the answer must be {@code status}, JSON, code malformed_http. */
  private RawHttp.Response malformed(String raw, int status) throws Exception {
    try (RunningServer service = new RunningServer(dir.resolve(status + ".db"), c -> c);
        RawHttp socket = RawHttp.connect(service)) {
      socket.send(raw);

      RawHttp.Response response = socket.read();

      assertThat(response.status()).as("%s", response).isEqualTo(status);
      assertThat(response.headers()).containsEntry("content-type", "application/json");
      assertThat(response.json().path("code").asText()).isEqualTo("malformed_http");
      return response;
    }
  }

  /** Jetty answered this 500 with an HTML page, which a Sentry SDK counts as a server error. */
  @Test
  void aRequestCutOffByTheShutdown_is503ShuttingDown_withRetryAfter() throws Exception {
    RunningServer service = new RunningServer(dir.resolve("d.db"), c -> c);
    try (RawHttp socket = RawHttp.connect(service)) {
      String partial =
          "POST /api/" + service.project.id() + "/envelope/ HTTP/1.1\r\nHost: x\r\nCont";
      socket.send(partial);
      awaitTheServerHasRead(service, partial);

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(service.server::close);
      RawHttp.Response response = socket.read();
      stopped.get(30, TimeUnit.SECONDS);

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.headers())
          .containsEntry("content-type", "application/json")
          .containsEntry("retry-after", "5");
      assertThat(response.json().path("code").asText()).isEqualTo("shutting_down");
    } finally {
      service.store.close();
    }
  }

  /**
   * While the service drains, a request in progress is finished and acknowledged, and a new one is
   * refused 503 shutting_down: the client knows to send it again.
   */
  @Test
  void whileStopping_theRequestInProgressIsAcknowledged_andANewOneIs503ShuttingDown()
      throws Exception {
    RunningServer service = new RunningServer(dir.resolve("e.db"), c -> c);
    try (RawHttp slow = RawHttp.connect(service)) {
      byte[] body =
          EnvelopeEndpointTest.crashEnvelope(EVENT_ID, "app@1.0").getBytes(StandardCharsets.UTF_8);
      int half = body.length / 2;
      slow.send(RawHttp.envelopeHead(service, body.length));
      slow.send(body, 0, half);
      Awaitility.await("the slow request holds its place in the ingest budget")
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> service.metric("gonogo_ingest_inflight_bytes") > 0);

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(service.server::close);
      HttpResponse<String> refused =
          Awaitility.await("a new envelope is refused while the service drains")
              .atMost(10, TimeUnit.SECONDS)
              .until(
                  () ->
                      service.postEnvelope(
                          EnvelopeEndpointTest.crashEnvelope(OTHER_EVENT_ID, "x@1")),
                  r -> r.statusCode() == 503);
      slow.send(body, half, body.length - half);
      RawHttp.Response finished = slow.read();
      stopped.get(30, TimeUnit.SECONDS);

      assertThat(RunningServer.json(refused.body()).path("code").asText())
          .isEqualTo("shutting_down");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(finished.status()).as("the request in progress: %s", finished).isEqualTo(200);
      assertThat(finished.json().path("id").asText()).isEqualTo(EVENT_ID);
    } finally {
      service.store.close();
    }
  }

  /**
   * Waits until the HTTP server has read the partial request off the socket, so the stop finds it
   * half-parsed rather than unread.
   */
  private static void awaitTheServerHasRead(RunningServer service, String partial) {
    int length = partial.getBytes(StandardCharsets.ISO_8859_1).length;
    Awaitility.await("the server reads the " + length + " bytes of the partial request")
        .atMost(10, TimeUnit.SECONDS)
        .until(() -> service.bytesReadOnOpenConnections() >= length);
  }
}
