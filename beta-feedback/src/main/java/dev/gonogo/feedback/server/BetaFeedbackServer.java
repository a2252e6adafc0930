package dev.gonogo.feedback.server;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Store;
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
  private final Javalin app;
  private URI baseUri;

  private BetaFeedbackServer(Config config, Clock clock, Store store) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.routes.get("/health", this::health);
              javalin.routes.get("/ready", this::ready);
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
  }
}
