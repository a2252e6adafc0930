package dev.gonogo.load.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.load.config.ConfigException;
import dev.gonogo.load.config.LoadSettings;
import dev.gonogo.load.config.TargetConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target as the simulations use it: a ready {@link Target}, the admin token of its read API and
 * the project the load goes to (the first one {@code GET /api/v1/projects} lists).
 *
 * <p>A candidate the suite starts gets an admin token generated for this run, plus the extra
 * environment a simulation asks for (e.g. low rate limits); a running one at {@code gonogo.target}
 * needs {@code gonogo.target.admin-token}.
 */
public final class SuiteTarget implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

  private final Target target;
  private final String adminToken;
  private final Project project;
  private final HttpClient client =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(API_TIMEOUT)
          .build();

  private SuiteTarget(Target target, String adminToken) {
    this.target = target;
    this.adminToken = adminToken;
    JsonNode first = getJson("/api/v1/projects").path("projects").path(0);
    if (!first.hasNonNull("id") || !first.hasNonNull("publicKey")) {
      throw new TargetException(
          "GET "
              + target.baseUri()
              + "/api/v1/projects listed no project with id and publicKey: "
              + first
              + " ("
              + target.describe()
              + ")");
    }
    this.project = new Project(first.get("id").asText(), first.get("publicKey").asText());
  }

  /**
   * Resolves the configured target and reads its project.
   *
   * @param candidateEnvironment extra environment of a candidate the suite starts; ignored for a
   *     running target
   */
  public static SuiteTarget resolve(
      LoadSettings settings, Map<String, String> candidateEnvironment) {
    TargetConfig config = TargetConfig.from(settings);
    String token;
    Target target;
    if (config.url().isPresent()) {
      token =
          settings
              .optional("gonogo.target.admin-token")
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "gonogo.target="
                              + config.url().get()
                              + " needs gonogo.target.admin-token (the candidate prints its admin"
                              + " token at start): the simulations read the project's key and the"
                              + " read API with it"));
      target = Target.resolve(config);
    } else {
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      token = HexFormat.of().formatHex(secret);
      Map<String, String> env = new LinkedHashMap<>(candidateEnvironment);
      env.put("GONOGO_ADMIN_TOKEN", token);
      target =
          CandidateProcess.start(config.candidate().withEnvironment(env), config.readyTimeout());
    }
    try {
      return new SuiteTarget(target, token);
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  public URI baseUri() {
    return target.baseUri();
  }

  public String adminToken() {
    return adminToken;
  }

  public Project project() {
    return project;
  }

  public String describe() {
    return target.describe() + ", project " + project.id();
  }

  /** {@code GET path} with the admin token, answered 200 with JSON. */
  public JsonNode getJson(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.baseUri() + path))
            .timeout(API_TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .GET()
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new TargetException(
            "GET "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body()
                + " ("
                + target.describe()
                + ")");
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new TargetException("GET " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("GET " + request.uri() + " interrupted", e);
    }
  }

  @Override
  public void close() {
    target.close();
  }
}
