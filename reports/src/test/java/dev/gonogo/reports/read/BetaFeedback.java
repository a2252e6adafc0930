package dev.gonogo.reports.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * A real beta-feedback, production wiring on port 0 over a temporary SQLite file, fed with Sentry
 * session aggregates the way the Android SDK sends them.
 */
public final class BetaFeedback implements AutoCloseable {
  public static final String TOKEN = "reports-test-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final BetaFeedbackServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  public final URI base;
  public final Project project;

  public BetaFeedback(Path database) {
    Config config =
        Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()))
            .withServer("127.0.0.1", 0)
            .withStoreUrl("jdbc:sqlite:" + database)
            .withAdminToken(TOKEN);
    store = Store.open(config.store());
    server = BetaFeedbackServer.create(config, Clock.systemUTC(), store);
    base = server.start();
    project = server.defaultProject();
  }

  /**
   * {@code users} devices with one session each, the first {@code crashed} of them crashed, as
   * Sentry {@code sessions} aggregate items over 4 device models.
   */
  public void sessions(String release, int users, int crashed, Instant started) {
    for (int from = 0; from < users; from += 4000) {
      sessions(release, from, Math.min(users, from + 4000), crashed, started);
    }
  }

  private void sessions(String release, int from, int to, int crashed, Instant started) {
    StringBuilder envelope =
        new StringBuilder("{\"sdk\":{\"name\":\"sentry.java.android\",\"version\":\"8.0.0\"}}\n");
    int devices = 4;
    for (int model = 0; model < devices; model++) {
      ObjectNode item = JSON.createObjectNode();
      ObjectNode attrs = item.putObject("attrs");
      attrs.put("release", release);
      attrs.put("environment", "beta");
      attrs.put("device_model", "Model " + model);
      attrs.put("os", "Android 14");
      ArrayNode buckets = item.putArray("aggregates");
      for (int u = from + model; u < to; u += devices) {
        ObjectNode b = buckets.addObject();
        b.put("started", started.toString());
        b.put("did", release + "-device-" + u);
        if (u < crashed) {
          b.put("crashed", 1);
        } else {
          b.put("exited", 1);
        }
      }
      String payload = item.toString();
      envelope
          .append("{\"type\":\"sessions\",\"length\":")
          .append(payload.getBytes(StandardCharsets.UTF_8).length)
          .append("}\n")
          .append(payload)
          .append('\n');
    }
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(base.resolve("/api/" + project.id() + "/envelope/"))
                .header(
                    "X-Sentry-Auth",
                    "Sentry sentry_key="
                        + project.publicKey()
                        + ", sentry_version=7, sentry_client=test/1")
                .header("Content-Type", "application/x-sentry-envelope")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(envelope.toString()))));
    assertThat(r.statusCode()).as("sessions of %s: %s", release, r.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
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
