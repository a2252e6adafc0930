package dev.gonogo.feedback.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;

/**
 * The production wiring on port 0 over a real SQLite file, with a real HTTP client: what every
 * HTTP-level test of the service starts.
 */
final class RunningServer implements AutoCloseable {
  static final String TOKEN = "test-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  final Store store;
  final BetaFeedbackServer server;
  final URI base;
  final Project project;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Defaults, except: loopback, port 0, the given SQLite file, a fixed admin token. */
  static Config config(Path database) {
    return Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()))
        .withServer("127.0.0.1", 0)
        .withStoreUrl("jdbc:sqlite:" + database)
        .withAdminToken(TOKEN);
  }

  RunningServer(Path database, UnaryOperator<Config> adjust, Clock clock) {
    Config config = adjust.apply(config(database));
    store = Store.open(config.store());
    server = BetaFeedbackServer.create(config, clock, store);
    base = server.start();
    project = server.defaultProject();
  }

  RunningServer(Path database, UnaryOperator<Config> adjust) {
    this(database, adjust, Clock.systemUTC());
  }

  String dsn() {
    return project.dsn(base);
  }

  String sentryAuth() {
    return "Sentry sentry_key=" + project.publicKey() + ", sentry_version=7, sentry_client=test/1";
  }

  /** {@code POST /api/<default project>/envelope/} with X-Sentry-Auth and the given encoding. */
  HttpResponse<String> postEnvelope(byte[] body, String contentEncoding) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/" + project.id() + "/envelope/"))
            .header("X-Sentry-Auth", sentryAuth())
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentEncoding != null) {
      request.header("Content-Encoding", contentEncoding);
    }
    return send(request);
  }

  HttpResponse<String> postEnvelope(String body) {
    return postEnvelope(body.getBytes(StandardCharsets.UTF_8), null);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The server's Javalin instance. BetaFeedbackServer keeps it in a private field, found here by
   * its type: the service exposes no HTTP internals.
   */
  Javalin javalin() {
    Field field =
        Arrays.stream(BetaFeedbackServer.class.getDeclaredFields())
            .filter(f -> f.getType() == Javalin.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "BetaFeedbackServer has no field of type Javalin any more; tests read"
                            + " its routes and connections from it"));
    try {
      field.setAccessible(true);
      return (Javalin) field.get(server);
    } catch (IllegalAccessException e) {
      throw new AssertionError("cannot read BetaFeedbackServer." + field.getName(), e);
    }
  }

  /** Bytes the HTTP server has read so far off the connections open now. */
  long bytesReadOnOpenConnections() {
    return Arrays.stream(javalin().jettyServer().server().getConnectors())
        .filter(AbstractConnector.class::isInstance)
        .map(AbstractConnector.class::cast)
        .flatMap(connector -> connector.getConnectedEndPoints().stream())
        .map(EndPoint::getConnection)
        .filter(Objects::nonNull)
        .mapToLong(Connection::getBytesIn)
        .sum();
  }

  /** The sum of the samples of {@code name} in {@code GET /metrics} (every tag), 0 when absent. */
  double metric(String name) {
    return send(HttpRequest.newBuilder(base.resolve("/metrics")))
        .body()
        .lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** An admin GET below {@code /api/v1/projects/<default project>}, which must answer 200. */
  JsonNode read(String path) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects/" + project.id() + path))
                .header("Authorization", "Bearer " + TOKEN));
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response.body());
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
