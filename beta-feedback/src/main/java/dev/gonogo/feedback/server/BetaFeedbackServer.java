package dev.gonogo.feedback.server;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.ConfigException;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.PolicyFile;
import dev.gonogo.feedback.health.HealthQueries;
import dev.gonogo.feedback.ingest.IngestBudget;
import dev.gonogo.feedback.ingest.IngestMetrics;
import dev.gonogo.feedback.ingest.Ingestor;
import dev.gonogo.feedback.ingest.RateLimiter;
import dev.gonogo.feedback.project.AdminToken;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.scrub.Scrubber;
import dev.gonogo.feedback.sentry.BodyLimits;
import dev.gonogo.feedback.signature.SignatureGenerator;
import dev.gonogo.feedback.store.GroupCommitWriter;
import dev.gonogo.feedback.store.Reads;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.feedback.store.StoreException;
import dev.gonogo.feedback.web.Access;
import dev.gonogo.feedback.web.AdminAuth;
import dev.gonogo.feedback.web.ApiException;
import dev.gonogo.feedback.web.HealthRoutes;
import dev.gonogo.feedback.web.NativeIngestRoutes;
import dev.gonogo.feedback.web.ProjectRoutes;
import dev.gonogo.feedback.web.ReadRoutes;
import dev.gonogo.feedback.web.SentryRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beta-feedback HTTP service: a function of its configuration, clock and store. {@link
 * dev.gonogo.feedback.Main} only reads the configuration and calls {@link #create}; tests start the
 * same wiring on port 0.
 */
public final class BetaFeedbackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BetaFeedbackServer.class);
  private static final String OPENAPI = "/dev/gonogo/feedback/web/openapi.yaml";

  private final Config config;
  private final Clock clock;
  private final Store store;
  private final Projects projects;
  private final Project defaultProject;
  private final String adminToken;
  private final GroupCommitWriter writer;
  private final RateLimiter rateLimiter;
  private final IngestMetrics metrics = new IngestMetrics();
  private final Ingestor ingestor;
  private final IngestBudget budget;
  private final Javalin app;
  private volatile URI baseUri;

  private BetaFeedbackServer(Config config, Clock clock, Store store) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.projects = new Projects(store.dataSource(), clock);
    this.defaultProject = projects.ensureDefault();
    this.adminToken = AdminToken.resolve(config.admin().token(), store.dataSource());
    this.writer =
        new GroupCommitWriter(
            store.dataSource(), config.ingest().queueCapacity(), config.ingest().batchSize());
    Config.RateLimits limits = config.rateLimits();
    this.rateLimiter =
        new RateLimiter(
            limit(limits.projectPerSecond(), limits.projectBurst()),
            limit(limits.releasePerSecond(), limits.releaseBurst()),
            limits.maxReleases(),
            clock);
    metrics.backlog(writer::backlog);
    this.budget = new IngestBudget(config.ingest().maxInflightBytes());
    metrics.inflight(budget::inUse);
    Config.Ingest ingest = config.ingest();
    this.ingestor =
        new Ingestor(
            new Scrubber(config.scrub()),
            SignatureGenerator.standard(),
            rateLimiter,
            ingest.maxAttachmentBytes(),
            writer,
            metrics,
            Duration.ofMillis(ingest.ackTimeoutMs()),
            clock);
    SentryRoutes sentry =
        new SentryRoutes(
            projects,
            this.ingestor,
            metrics,
            // A body that decodes past the whole in-flight budget could never be taken, however
            // long its client waited: it is too large (413), not a moment of overload (503).
            new BodyLimits(
                ingest.maxBodyBytes(),
                Math.min(ingest.maxDecompressedBytes(), ingest.maxInflightBytes())),
            ingest.maxItems(),
            budget);
    NativeIngestRoutes nativeIngest = new NativeIngestRoutes(sentry);
    AdminAuth admin = new AdminAuth(adminToken);
    ProjectRoutes projectRoutes = new ProjectRoutes(projects, this::baseUri);
    ReadRoutes read = new ReadRoutes(projects, new Reads(store.dataSource()));
    Policy policy = policy(config);
    HealthRoutes healthRoutes =
        new HealthRoutes(projects, new HealthQueries(store.dataSource(), clock), policy, clock);
    String p = "/api/v1/projects/{project}";
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              // Ingest routes read the body themselves, with the compressed and decoded limits.
              javalin.http.maxRequestSize = ingest.maxBodyBytes();
              int maxConnections = config.server().maxConnections();
              javalin.jetty.modifyServer(
                  server -> {
                    server.addBean(new NetworkConnectionLimit(maxConnections, server));
                    server.setErrorHandler(new HttpLayerErrors(budget::isClosed));
                  });
              var r = javalin.routes;
              r.beforeMatched(
                  ctx -> {
                    if (ctx.routeRoles().contains(Access.ADMIN)) {
                      admin.check(ctx);
                    }
                  });
              r.get("/health", this::health, Access.PUBLIC);
              r.get("/ready", this::ready, Access.PUBLIC);
              r.get("/metrics", this::metrics, Access.PUBLIC);
              r.get("/openapi.yaml", BetaFeedbackServer::openApi, Access.PUBLIC);
              r.post("/api/{project}/envelope/", sentry::envelope, Access.PROJECT_KEY);
              r.post("/api/{project}/envelope", sentry::envelope, Access.PROJECT_KEY);
              r.post("/api/{project}/store/", sentry::store, Access.PROJECT_KEY);
              r.post("/api/{project}/store", sentry::store, Access.PROJECT_KEY);
              r.post("/api/v1/ingest/{project}/events", nativeIngest::events, Access.PROJECT_KEY);
              r.post(
                  "/api/v1/ingest/{project}/sessions", nativeIngest::sessions, Access.PROJECT_KEY);
              r.post(
                  "/api/v1/ingest/{project}/feedback", nativeIngest::feedback, Access.PROJECT_KEY);
              r.get("/api/v1/projects", projectRoutes::list, Access.ADMIN);
              r.post("/api/v1/projects", projectRoutes::create, Access.ADMIN);
              r.get(p, projectRoutes::get, Access.ADMIN);
              r.get(p + "/events", read::events, Access.ADMIN);
              r.get(p + "/events/{eventId}", read::event, Access.ADMIN);
              r.get(p + "/signatures", read::signatures, Access.ADMIN);
              r.get(p + "/signatures/{fingerprint}", read::signature, Access.ADMIN);
              r.get(p + "/sessions", read::sessions, Access.ADMIN);
              r.get(p + "/feedback", read::feedbackList, Access.ADMIN);
              r.get(p + "/attachments/{attachmentId}", read::attachmentBody, Access.ADMIN);
              r.get(p + "/client-reports", read::clientReports, Access.ADMIN);
              r.get(p + "/stats", read::stats, Access.ADMIN);
              r.post(p + "/signatures/{fingerprint}/resolve", healthRoutes::resolve, Access.ADMIN);
              String release = p + "/releases/{release}";
              r.get(p + "/releases", healthRoutes::releases, Access.ADMIN);
              r.get(release + "/health", healthRoutes::health, Access.ADMIN);
              r.get(release + "/health/series", healthRoutes::series, Access.ADMIN);
              r.get(release + "/signatures", healthRoutes::signatures, Access.ADMIN);
              r.get(
                  release + "/signatures/{fingerprint}/events",
                  healthRoutes::samples,
                  Access.ADMIN);
              r.get(release + "/gate", healthRoutes::gate, Access.ADMIN);
              r.post(release + "/gate", healthRoutes::gateWithPolicy, Access.ADMIN);
              if (config.server().benchmarkRoutes()) {
                r.post("/bench/noop", BetaFeedbackServer::noop, Access.PUBLIC);
              }
              r.exception(ApiException.class, BetaFeedbackServer::apiError);
              r.exception(StoreException.class, BetaFeedbackServer::storeError);
            });
  }

  public static BetaFeedbackServer create(Config config, Clock clock, Store store) {
    return new BetaFeedbackServer(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(store, "store"));
  }

  /** Binds the configured host and port and returns the base URI, e.g. http://127.0.0.1:8080. */
  public URI start() {
    app.start(config.server().host(), config.server().port());
    String host = config.server().host();
    String reachableHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    baseUri = URI.create("http://" + reachableHost + ":" + app.port());
    return baseUri;
  }

  public URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException("the server has not been started");
    }
    return baseUri;
  }

  private static RateLimiter.Limit limit(double perSecond, double burst) {
    return perSecond == 0 ? RateLimiter.Limit.unlimited() : new RateLimiter.Limit(perSecond, burst);
  }

  /** The gate's policy; a policy file that cannot be used stops the start, naming the key. */
  private static Policy policy(Config config) {
    try {
      return config.gate().policyFile().map(PolicyFile::read).orElseGet(PolicyFile::bundled);
    } catch (PolicyFile.InvalidPolicy e) {
      throw new ConfigException(
          "gonogo.gate.policy-file="
              + config.gate().policyFile().orElseThrow()
              + ": "
              + e.getMessage());
    }
  }

  private static void apiError(ApiException e, Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", e.code());
    body.put("message", e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    ctx.status(e.status()).json(body);
  }

  /** A read API call while the database is down: 503, as ingestion answers. */
  private static void storeError(StoreException e, Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "store_unavailable");
    body.put("message", e.getMessage());
    ctx.header("Retry-After", "5").status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  /** Benchmark only: reads the body, answers as ingestion does, does nothing else. */
  private static void noop(Context ctx) throws java.io.IOException {
    ctx.bodyInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    ctx.json(Map.of("id", "00000000000000000000000000000000"));
  }

  /** The API description, {@code dev/gonogo/feedback/web/openapi.yaml}; docs/api.md explains it. */
  private static void openApi(Context ctx) {
    java.io.InputStream yaml = BetaFeedbackServer.class.getResourceAsStream(OPENAPI);
    if (yaml == null) {
      throw new IllegalStateException("missing classpath resource " + OPENAPI);
    }
    ctx.contentType("application/yaml").result(yaml);
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** The project created on first start; its DSN is what the main command prints. */
  public Project defaultProject() {
    return defaultProject;
  }

  public String adminToken() {
    return adminToken;
  }

  /** Liveness: the process serves HTTP. Does not touch the database. */
  private void health(Context ctx) {
    ctx.json(Map.of("status", "UP", "time", clock.instant().toString()));
  }

  /** Readiness: the store answers. 503 with a stable code when it does not. */
  private void ready(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (store.isReachable()) {
      body.put("status", "READY");
      body.put("schemaVersion", store.schemaVersion());
      ctx.json(body);
    } else {
      body.put("status", "UNAVAILABLE");
      body.put("code", "store_unavailable");
      body.put("message", "the database does not answer; see the service log");
      ctx.header("Retry-After", "5").status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }
  }

  /**
   * Stops in the order that keeps every answer honest: new ingest requests are answered 503 and
   * those in progress finish (their bodies read, their commits made, their answers written), then
   * the writer, the responders and HTTP stop. Stopping HTTP first would abort requests whose commit
   * is still pending, after which the commit lands but the client got an error page.
   */
  @Override
  public void close() {
    try {
      if (!budget.closeAndAwait(Duration.ofSeconds(10))) {
        LOG.warn("shutdown: requests still in progress after 10 s; stopping anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
    ingestor.close();
    app.stop();
  }
}
