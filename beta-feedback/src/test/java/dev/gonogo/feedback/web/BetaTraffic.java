package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Beta traffic sent to a running server the way clients send it: Sentry envelopes with session
 * aggregates (gzip), native session updates and native crash events.
 */
final class BetaTraffic {
  private final RunningServer server;

  BetaTraffic(RunningServer server) {
    this.server = server;
  }

  /**
   * {@code users} devices with {@code sessionsPerUser} sessions each, of which {@code crashed}
   * sessions crashed (one per device, first devices first), as Sentry {@code sessions} aggregate
   * items (one device a bucket) spread over {@code devices} device models, in envelopes of at most
   * 5,000 buckets.
   */
  void aggregates(
      String release, int users, int sessionsPerUser, int crashed, int devices, Instant started) {
    int perEnvelope = 5000;
    for (int from = 0; from < users; from += perEnvelope) {
      StringBuilder envelope =
          new StringBuilder("{\"sdk\":{\"name\":\"sentry.java.android\",\"version\":\"8.0.0\"}}\n");
      for (int model = 0; model < devices; model++) {
        ObjectNode item = RunningServer.JSON.createObjectNode();
        ObjectNode attrs = item.putObject("attrs");
        attrs.put("release", release);
        attrs.put("environment", "beta");
        attrs.put("device_model", "Model " + model);
        attrs.put("os", "Android 14");
        ArrayNode buckets = item.putArray("aggregates");
        for (int u = from; u < Math.min(users, from + perEnvelope); u++) {
          if (u % devices != model) {
            continue;
          }
          ObjectNode b = buckets.addObject();
          b.put("started", started.toString());
          b.put("did", release + "-device-" + u);
          int c = u < crashed ? 1 : 0;
          b.put("exited", sessionsPerUser - c);
          if (c > 0) {
            b.put("crashed", c);
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
          server.postEnvelope(
              RunningServer.gzip(envelope.toString().getBytes(StandardCharsets.UTF_8)), "gzip");
      assertThat(r.statusCode()).as("aggregates of %s: %s", release, r.body()).isEqualTo(200);
    }
  }

  /** Native session updates ({@code POST /api/v1/ingest/{project}/sessions}). */
  void sessions(String json) {
    HttpResponse<String> r = postNative("sessions", "{\"sessions\": [" + json + "]}");
    assertThat(r.statusCode()).as("sessions: %s", r.body()).isEqualTo(200);
  }

  /** {@code count} unhandled crash events of one signature, each its own request. */
  void crashes(String release, String exceptionType, String function, int count, String device) {
    for (int i = 0; i < count; i++) {
      String event =
          "{\"event_id\":\""
              + UUID.randomUUID().toString().replace("-", "")
              + "\",\"release\":\""
              + release
              + "\",\"environment\":\"beta\",\"platform\":\"java\","
              + "\"user\":{\"id\":\"user-"
              + i
              + "\"},\"contexts\":{\"os\":{\"name\":\"Android\",\"version\":\"14\"},"
              + "\"device\":{\"model\":\""
              + device
              + "\"}},\"exception\":{\"values\":[{\"type\":\""
              + exceptionType
              + "\",\"value\":\"boom\",\"mechanism\":{\"type\":\"UncaughtExceptionHandler\","
              + "\"handled\":false},\"stacktrace\":{\"frames\":[{\"module\":\"com.acme.Checkout\","
              + "\"function\":\""
              + function
              + "\",\"in_app\":true}]}}]}}";
      HttpResponse<String> r = postNative("events", event);
      assertThat(r.statusCode()).as("crash event: %s", r.body()).isEqualTo(200);
    }
  }

  HttpResponse<String> postNative(String kind, String body) {
    return server.send(
        HttpRequest.newBuilder(
                server.base.resolve("/api/v1/ingest/" + server.project.id() + "/" + kind))
            .header("X-Gonogo-Key", server.project.publicKey())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** An admin request below the default project, answered as it is. */
  HttpResponse<String> admin(String method, String path, String body) {
    return server.send(
        HttpRequest.newBuilder(
                server.base.resolve("/api/v1/projects/" + server.project.id() + path))
            .header("Authorization", "Bearer " + RunningServer.TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }
}
