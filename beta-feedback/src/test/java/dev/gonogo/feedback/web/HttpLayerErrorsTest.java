package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

  /** A response read off the socket: status, headers by lower-case name, body. */
  private record RawResponse(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      return RunningServer.json(body);
    }
  }

  @Test
  void bytesThatAreNotHttp_are400MalformedHttp_asJson() throws Exception {
    try (RunningServer service = new RunningServer(dir.resolve("a.db"), c -> c);
        Socket socket = connect(service)) {
      send(socket, "NOT HTTP AT ALL\r\n\r\n");

      RawResponse response = read(socket);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers()).containsEntry("content-type", "application/json");
      assertThat(response.json().path("code").asText()).isEqualTo("malformed_http");
      assertThat(response.json().path("message").asText())
          .startsWith("the request is not valid HTTP/1.1: ")
          .contains("Illegal character");
    }
  }

  @Test
  void headersLargerThanTheServerTakes_are431MalformedHttp_asJson() throws Exception {
    try (RunningServer service = new RunningServer(dir.resolve("b.db"), c -> c);
        Socket socket = connect(service)) {
      send(
          socket,
          "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(64 * 1024) + "\r\n\r\n");

      RawResponse response = read(socket);

      assertThat(response.status()).isEqualTo(431);
      assertThat(response.headers()).containsEntry("content-type", "application/json");
      assertThat(response.json().path("code").asText()).isEqualTo("malformed_http");
    }
  }

  /** Jetty answered this 500 with an HTML page, which a Sentry SDK counts as a server error. */
  @Test
  void aRequestCutOffByTheShutdown_is503ShuttingDown_withRetryAfter() throws Exception {
    RunningServer service = new RunningServer(dir.resolve("d.db"), c -> c);
    try (Socket socket = connect(service)) {
      send(socket, "POST /api/" + service.project.id() + "/envelope/ HTTP/1.1\r\nHost: x\r\nCont");
      awaitTheServerHasRead();

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(service.server::close);
      RawResponse response = read(socket);
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
    try (Socket slow = connect(service)) {
      byte[] body = EnvelopeEndpointTest.crashEnvelope(EVENT_ID, "app@1.0").getBytes(UTF8);
      int half = body.length / 2;
      send(
          slow,
          "POST /api/"
              + service.project.id()
              + "/envelope/ HTTP/1.1\r\nHost: x\r\nX-Sentry-Auth: "
              + service.sentryAuth()
              + "\r\nContent-Type: application/x-sentry-envelope\r\nContent-Length: "
              + body.length
              + "\r\n\r\n");
      slow.getOutputStream().write(body, 0, half);
      slow.getOutputStream().flush();
      Awaitility.await("the slow request holds its place in the ingest budget")
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> metric(service, "gonogo_ingest_inflight_bytes") > 0);

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(service.server::close);
      HttpResponse<String> refused =
          Awaitility.await("a new envelope is refused while the service drains")
              .atMost(10, TimeUnit.SECONDS)
              .until(
                  () ->
                      service.postEnvelope(
                          EnvelopeEndpointTest.crashEnvelope(OTHER_EVENT_ID, "x@1")),
                  r -> r.statusCode() == 503);
      slow.getOutputStream().write(body, half, body.length - half);
      slow.getOutputStream().flush();
      RawResponse finished = read(slow);
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

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Socket connect(RunningServer service) throws IOException {
    Socket socket = new Socket(service.base.getHost(), service.base.getPort());
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * Gives the server's selector time to take the partial request off the socket, so the stop finds
   * it half-parsed. Nothing outside Jetty shows a half-parsed request; on loopback the read takes
   * well under a millisecond.
   */
  private static void awaitTheServerHasRead() throws InterruptedException {
    Thread.sleep(300);
  }

  private static double metric(RunningServer service, String name) {
    String text =
        service.send(java.net.http.HttpRequest.newBuilder(service.base.resolve("/metrics"))).body();
    return text.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** One HTTP/1.1 response: the status line, headers, and a body of its Content-Length. */
  private static RawResponse read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    assertThat(lines[0]).as("status line of %s", head).startsWith("HTTP/1.1 ");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "-1"));
    byte[] body = length >= 0 ? in.readNBytes(length) : readToEnd(in);
    return new RawResponse(status, headers, new String(body, UTF8));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError(
            "the connection closed before a whole response head; got: "
                + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (SocketException e) {
      return new byte[0];
    }
  }
}
