package dev.gonogo.feedback.sentry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in Sentry on 127.0.0.1 and a free port that records every request and answers 200 (the
 * only status the Java SDK counts as sent) or what the test tells it. Test code only: the service's
 * routes are not used.
 */
final class CapturingSentryServer implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final Function<Request, Response> responder;

  /** One request as it came over the wire: headers lowercased, body as sent (still encoded). */
  record Request(
      String method, String path, String query, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** The answer to one request. */
  record Response(int status, Map<String, String> headers) {
    static final Response OK = new Response(200, Map.of());
  }

  /** Answers every request 200. */
  CapturingSentryServer() throws IOException {
    this(request -> Response.OK);
  }

  CapturingSentryServer(Function<Request, Response> responder) throws IOException {
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String dsn(String publicKey, String projectId) {
    return "http://" + publicKey + "@127.0.0.1:" + port() + "/" + projectId;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            body);
    Response answer = responder.apply(request);
    requests.add(request);
    byte[] response = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(answer.status(), response.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response);
    }
  }

  /** Every request received within {@code quiet} of the previous one (or of the call). */
  List<Request> drain(Duration quiet) throws InterruptedException {
    List<Request> out = new ArrayList<>();
    Request next;
    while ((next = requests.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      out.add(next);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
