package dev.gonogo.feedback.bench;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a release manager's dashboard asks for one release — release health, the top 20 signatures
 * against the baseline, and the crash gate — over real HTTP to the production wiring, on a store
 * holding {@link HealthBenchmarkData} (10 million sessions, 1 million crash events in the
 * candidate). The store is {@code -Dgonogo.bench.store.url} (SQLite file or PostgreSQL). Run by
 * scripts/benchmark-health; figures in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:+ExitOnOutOfMemoryError"})
public class HealthReadBenchmark {
  private static final String TOKEN = "benchmark-admin-token-0123456789";

  private Store store;
  private BetaFeedbackServer server;
  private HttpClient http;
  private URI health;
  private URI signatures;
  private URI gate;

  @Setup(Level.Trial)
  public void start() throws Exception {
    Properties system = new Properties();
    system.putAll(System.getProperties());
    Config config =
        Config.from(Settings.load(Optional.empty(), Map.of(), new Properties()))
            .withServer("127.0.0.1", 0)
            .withStoreUrl(System.getProperty("gonogo.bench.store.url"))
            .withAdminToken(TOKEN);
    Config.Store s = config.store();
    config =
        new Config(
            config.server(),
            new Config.Store(
                s.url(),
                Optional.ofNullable(System.getProperty("gonogo.bench.store.user")),
                Optional.ofNullable(System.getProperty("gonogo.bench.store.password")),
                s.poolSize(),
                s.connectionTimeoutMs()),
            config.admin(),
            config.ingest(),
            config.rateLimits(),
            config.scrub(),
            config.gate());
    store = Store.open(config.store());
    if (!HealthBenchmarkData.seeded(store)) {
      throw new IllegalStateException(
          "the store "
              + config.store().redactedUrl()
              + " holds no benchmark data: run scripts/benchmark-health");
    }
    server = BetaFeedbackServer.create(config, Clock.systemUTC(), store);
    URI base = server.start();
    String p = "/api/v1/projects/" + server.defaultProject().id() + "/releases/";
    String candidate = URLEncoder.encode(HealthBenchmarkData.CANDIDATE, StandardCharsets.UTF_8);
    String baseline = URLEncoder.encode(HealthBenchmarkData.BASELINE, StandardCharsets.UTF_8);
    health = base.resolve(p + candidate + "/health");
    signatures = base.resolve(p + candidate + "/signatures?limit=20&baseline=" + baseline);
    gate = base.resolve(p + candidate + "/gate?baseline=" + baseline);
    http = HttpClient.newHttpClient();
    for (URI uri : new URI[] {health, signatures, gate}) {
      get(uri); // fails the trial at once when a route answers anything but 200
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    store.close();
  }

  private String get(URI uri) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + uri + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  @Benchmark
  public String releaseHealth() throws Exception {
    return get(health);
  }

  @Benchmark
  public String topSignatures() throws Exception {
    return get(signatures);
  }

  @Benchmark
  public String gate() throws Exception {
    return get(gate);
  }

  /** The three, one after the other: what one dashboard view costs. */
  @Benchmark
  public int dashboard() throws Exception {
    return get(health).length() + get(signatures).length() + get(gate).length();
  }
}
