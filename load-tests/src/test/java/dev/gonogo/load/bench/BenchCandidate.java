package dev.gonogo.load.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.load.bench.config.IngestBenchLoad;
import dev.gonogo.load.config.ConfigException;
import dev.gonogo.load.config.TargetConfig;
import dev.gonogo.load.target.CandidateProcess;
import dev.gonogo.load.target.TargetException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The candidate as the benchmark needs it: started by the suite ({@link CandidateProcess}, so its
 * pid is known for the memory samples) with the benchmark routes on, no event rate limits and an
 * admin token of this run, plus the default project's id and public key read from the admin API.
 */
public final class BenchCandidate implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

  private final CandidateProcess process;
  private final List<String> jvmArgs;
  private final Map<String, String> environment;
  private final String adminToken;
  private final String projectId;
  private final String publicKey;
  private final HttpClient client =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(API_TIMEOUT)
          .build();

  private BenchCandidate(
      CandidateProcess process,
      List<String> jvmArgs,
      Map<String, String> environment,
      String adminToken) {
    this.process = process;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.environment = environment;
    this.adminToken = adminToken;
    JsonNode project = get("/api/v1/projects").path("projects").path(0);
    if (!project.hasNonNull("id") || !project.hasNonNull("publicKey")) {
      throw new TargetException(
          "GET "
              + process.baseUri()
              + "/api/v1/projects listed no project with id and publicKey: "
              + project
              + " (candidate log: "
              + process.logFile()
              + ")");
    }
    this.projectId = project.get("id").asText();
    this.publicKey = project.get("publicKey").asText();
  }

  /**
   * Starts the candidate of {@code target} with the benchmark's environment and {@code load}'s
   * extra variables.
   *
   * @throws ConfigException when {@code gonogo.target} names a running candidate: the benchmark
   *     must configure and sample the process itself
   */
  public static BenchCandidate start(TargetConfig target, IngestBenchLoad load) {
    if (target.url().isPresent()) {
      throw new ConfigException(
          "gonogo.target="
              + target.url().get()
              + ": the ingest benchmark starts its own candidate (it needs the benchmark routes,"
              + " no rate limits, its admin token and its pid for the memory samples); leave"
              + " gonogo.target empty and set gonogo.candidate.jar");
    }
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GONOGO_ADMIN_TOKEN", token);
    env.put("GONOGO_SERVER_BENCHMARK_ROUTES", "true");
    env.put("GONOGO_RATELIMIT_PROJECT_EVENTS_PER_SECOND", "0");
    env.put("GONOGO_RATELIMIT_RELEASE_EVENTS_PER_SECOND", "0");
    env.putAll(load.candidateEnvironment());
    CandidateProcess process =
        CandidateProcess.start(target.candidate().withEnvironment(env), target.readyTimeout());
    try {
      return new BenchCandidate(process, target.candidate().jvmArgs(), env, token);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  public URI baseUri() {
    return process.baseUri();
  }

  public long pid() {
    return process.pid();
  }

  public String projectId() {
    return projectId;
  }

  public String publicKey() {
    return publicKey;
  }

  /** The candidate's extra JVM options (gonogo.candidate.jvm-args). */
  public List<String> jvmArgs() {
    return jvmArgs;
  }

  /** The candidate's extra environment, the admin token masked: for the run record. */
  public Map<String, String> environment() {
    Map<String, String> shown = new TreeMap<>(environment);
    shown.put("GONOGO_ADMIN_TOKEN", "(generated)");
    return shown;
  }

  public String describe() {
    return process.describe();
  }

  /** Rows the store holds, by table: {@code GET /api/v1/projects/{id}/stats}. */
  public Map<String, Long> storedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    get("/api/v1/projects/" + projectId + "/stats")
        .path("stored")
        .fields()
        .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  /** Signatures of the project (at most 500, the API's page limit). */
  public int signatureCount() {
    return get("/api/v1/projects/" + projectId + "/signatures?limit=500").path("items").size();
  }

  /** Ingest refusals by reason code, from the Prometheus text of {@code /metrics}. */
  public Map<String, Long> rejections() {
    Map<String, Long> rejected = new TreeMap<>();
    for (String line : text("/metrics").split("\n")) {
      if (line.startsWith("gonogo_ingest_rejected_total{")) {
        int reason = line.indexOf("reason=\"");
        int end = line.indexOf('"', reason + 8);
        String value = line.substring(line.lastIndexOf(' ') + 1);
        rejected.put(line.substring(reason + 8, end), (long) Double.parseDouble(value));
      }
    }
    return rejected;
  }

  private JsonNode get(String path) {
    try {
      return JSON.readTree(text(path));
    } catch (IOException e) {
      throw new TargetException("GET " + baseUri() + path + " answered no JSON: " + e, e);
    }
  }

  private String text(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUri() + path))
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
                + " (candidate log: "
                + process.logFile()
                + ")");
      }
      return response.body();
    } catch (IOException e) {
      throw new TargetException("GET " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("GET " + request.uri() + " interrupted", e);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
