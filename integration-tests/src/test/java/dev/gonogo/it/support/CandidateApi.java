package dev.gonogo.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The candidate's HTTP API as a client sees it, over real HTTP. Every request is bounded by a
 * client timeout, so a hung request fails the test ({@link java.net.http.HttpTimeoutException})
 * instead of hanging it.
 */
public final class CandidateApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String adminToken;
  private final HttpClient http;

  private CandidateApi(URI base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static CandidateApi of(BetaFeedbackContainer candidate) {
    return new CandidateApi(candidate.baseUri(), candidate.adminToken());
  }

  public URI base() {
    return base;
  }

  /** A project as the admin API answers it. */
  public record Project(String id, String publicKey, String name) {}

  /** An HTTP answer: status, headers and body; {@link #json()} parses the body. */
  public record Answer(int status, HttpHeaders headers, String body, Duration took) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("expected a JSON body, got: " + body, e);
      }
    }

    /** The stable error code of a refusal, "" when the body has none. */
    public String code() {
      try {
        return JSON.readTree(body).path("code").asText("");
      } catch (IOException e) {
        return "";
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  // --- admin and read API ---

  /** Creates a project through {@code POST /api/v1/projects}; expects 201. */
  public Project createProject(String name) {
    Answer created =
        send(
            admin("/api/v1/projects")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("name", name).toString())));
    assertThat(created.status())
        .as("POST /api/v1/projects {name: %s}: %s", name, created)
        .isEqualTo(201);
    JsonNode project = created.json();
    return new Project(
        project.path("id").asText(),
        project.path("publicKey").asText(),
        project.path("name").asText());
  }

  /** An admin GET, whatever it answers. */
  public Answer get(String path) {
    return send(admin(path).GET());
  }

  /** An admin GET that must answer 200; its JSON body. */
  public JsonNode read(String path) {
    Answer answer = get(path);
    assertThat(answer.status()).as("GET %s answered %s", path, answer).isEqualTo(200);
    return answer.json();
  }

  /** An unauthenticated GET ({@code /health}, {@code /ready}, {@code /metrics}). */
  public Answer getPublic(String path, Duration timeout) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET());
  }

  /** Every stored event id of a project, read page by page through {@code GET .../events}. */
  public Set<String> eventIds(String projectId) {
    Set<String> ids = new LinkedHashSet<>();
    int offset = 0;
    while (true) {
      JsonNode page = read("/api/v1/projects/" + projectId + "/events?limit=500&offset=" + offset);
      page.path("items").forEach(e -> ids.add(e.path("eventId").asText()));
      if (page.path("next").isNull() || page.path("next").isMissingNode()) {
        return ids;
      }
      offset = page.path("next").asInt();
    }
  }

  /** {@code GET .../stats}: rows stored per kind. */
  public JsonNode stored(String projectId) {
    return read("/api/v1/projects/" + projectId + "/stats").path("stored");
  }

  // --- ingestion ---

  /** Sends an envelope with the project's key in {@code X-Sentry-Auth}. */
  public Answer envelope(String projectId, String key, byte[] body) {
    return envelope(
        projectId, key, HttpRequest.BodyPublishers.ofByteArray(body), Map.of(), DEFAULT_TIMEOUT);
  }

  /**
   * Sends an envelope body with extra headers (e.g. {@code Content-Encoding}), bounded by {@code
   * timeout}.
   */
  public Answer envelope(
      String projectId,
      String key,
      HttpRequest.BodyPublisher body,
      Map<String, String> headers,
      Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/" + projectId + "/envelope/"))
            .timeout(timeout)
            .header("X-Sentry-Auth", "Sentry sentry_key=" + key + ", sentry_version=7")
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(body);
    headers.forEach(request::header);
    return send(request);
  }

  /**
   * Sends the request. A timeout or I/O failure is thrown (unchecked): the caller decides whether
   * that fails the test or is counted.
   */
  public Answer send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers(),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.build().method()
              + " "
              + request.build().uri()
              + " failed after "
              + Duration.ofNanos(System.nanoTime() - start).toMillis()
              + " ms: "
              + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(DEFAULT_TIMEOUT)
        .header("Authorization", "Bearer " + adminToken);
  }
}
