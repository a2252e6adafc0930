package dev.gonogo.feedback.server;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.ingest.RateLimiter;
import dev.gonogo.feedback.project.AdminToken;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.store.GroupCommitWriter;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.feedback.web.AdminAuth;
import dev.gonogo.feedback.web.ApiException;
import dev.gonogo.feedback.web.ProjectRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The beta-feedback HTTP service: a function of its configuration, clock and store. {@link
 * dev.gonogo.feedback.Main} only reads the configuration and calls {@link #create}; tests start the
 * same wiring on port 0.
 */
public final class BetaFeedbackServer implements AutoCloseable {
  private final Config config;
  private final Clock clock;
  private final Store store;
  private final Projects projects;
  private final Project defaultProject;
  private final String adminToken;
  private final GroupCommitWriter writer;
  private final RateLimiter rateLimiter;
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
    AdminAuth admin = new AdminAuth(adminToken);
    ProjectRoutes projectRoutes = new ProjectRoutes(projects, this::baseUri);
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.http.maxRequestSize = config.ingest().maxBodyBytes();
              javalin.routes.get("/health", this::health);
              javalin.routes.get("/ready", this::ready);
              javalin.routes.before("/api/v1/*", admin::check);
              javalin.routes.get("/api/v1/projects", projectRoutes::list);
              javalin.routes.post("/api/v1/projects", projectRoutes::create);
              javalin.routes.get("/api/v1/projects/{project}", projectRoutes::get);
              javalin.routes.exception(ApiException.class, BetaFeedbackServer::apiError);
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

  private static void apiError(ApiException e, Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", e.code());
    body.put("message", e.getMessage());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    ctx.status(e.status()).json(body);
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
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }
  }

  @Override
  public void close() {
    app.stop();
    writer.close();
  }
}
