package dev.gonogo.load.summary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * A reverse proxy on loopback in front of the real candidate that holds every answer back by a
 * delay: the candidate made slow honestly (every request still reaches it and its answer is passed
 * on unchanged), with no change to beta-feedback. The delay of the n-th request is {@code
 * delayMs(n)}, so tests can give the latencies a known distribution.
 */
final class SlowProxy implements AutoCloseable {
  private static final List<String> FORWARDED =
      List.of("Authorization", "X-Sentry-Auth", "Content-Type", "Content-Encoding", "Accept");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(64);
  private final HttpClient client =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI upstream;
  private final LongUnaryOperator delayMs;
  private final AtomicLong requests = new AtomicLong();

  private SlowProxy(URI upstream, LongUnaryOperator delayMs) throws IOException {
    this.upstream = upstream;
    this.delayMs = delayMs;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static SlowProxy start(URI upstream, LongUnaryOperator delayMs) throws IOException {
    return new SlowProxy(upstream, delayMs);
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  long requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long n = requests.getAndIncrement();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      // The slowness under test: the answer is held back before it is sent.
      Thread.sleep(delayMs.applyAsLong(n));
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
      for (String header : List.of("Retry-After", "X-Sentry-Rate-Limits")) {
        answer
            .headers()
            .firstValue(header)
            .ifPresent(v -> exchange.getResponseHeaders().add(header, v));
      }
      byte[] bytes = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // An IOException (candidate unreachable) closes the exchange unanswered: the client records a
    // failed request, as it would against a candidate that dropped the connection.
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
