package dev.gonogo.feedback.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP API of one running service, as an SDK (ingest) and an operator (read API) use it. */
final class FeedbackApi {
  /** A project as {@code GET /api/v1/projects} lists it. */
  record ProjectKey(String id, String publicKey) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String adminToken;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  FeedbackApi(URI base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
  }

  URI base() {
    return base;
  }

  /** The project the service creates on its first start. */
  ProjectKey defaultProject() throws IOException, InterruptedException {
    JsonNode projects = getJson("/api/v1/projects").path("projects");
    if (projects.isEmpty()) {
      throw new IllegalStateException(
          "GET " + base + "/api/v1/projects listed no project; the default one should exist");
    }
    JsonNode first = projects.get(0);
    return new ProjectKey(first.path("id").asText(), first.path("publicKey").asText());
  }

  /** {@code POST /api/<project>/envelope/} with the project's key, as the Java SDK sends it. */
  HttpResponse<String> postEnvelope(ProjectKey project, SentEnvelope envelope)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/" + project.id() + "/envelope/"))
            .timeout(REQUEST_TIMEOUT)
            .header(
                "X-Sentry-Auth",
                "Sentry sentry_key="
                    + project.publicKey()
                    + ", sentry_version=7, sentry_client=gonogo-durability/1")
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.wireBody()));
    if (envelope.gzip()) {
      request.header("Content-Encoding", "gzip");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code id} of a 200 answer, or null when the body has none. */
  static String answeredId(HttpResponse<String> response) throws IOException {
    JsonNode id = JSON.readTree(response.body()).path("id");
    return id.isTextual() ? id.asText() : null;
  }

  /** {@code GET stats}: rows stored per kind ({@code event}, {@code session}, ...). */
  Map<String, Long> stored(ProjectKey project) throws IOException, InterruptedException {
    JsonNode stored = getJson("/api/v1/projects/" + project.id() + "/stats").path("stored");
    Map<String, Long> counts = new LinkedHashMap<>();
    stored.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  /** The status of {@code GET events/<id>}: 200 when stored, 404 when not. */
  int eventStatus(ProjectKey project, String eventId) throws IOException, InterruptedException {
    return get("/api/v1/projects/" + project.id() + "/events/" + eventId).statusCode();
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + base + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
