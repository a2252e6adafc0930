package dev.gonogo.feedback.config;

import dev.gonogo.feedback.scrub.ScrubSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The typed configuration of beta-feedback: what {@link Settings} holds, parsed and checked. */
public record Config(
    Server server,
    Store store,
    Admin admin,
    Ingest ingest,
    RateLimits rateLimits,
    ScrubSettings scrub,
    Gate gate) {

  public Config {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(scrub, "scrub");
    Objects.requireNonNull(gate, "gate");
  }

  /**
   * The crash gate.
   *
   * @param policyFile the release policy whose beta section GET .../gate evaluates; empty means the
   *     policy bundled with beta-feedback (the repository's release-policy.yaml)
   */
  public record Gate(Optional<Path> policyFile) {
    public Gate {
      Objects.requireNonNull(policyFile, "policyFile");
    }
  }

  /** The admin token; empty means generate one on first start and keep it in the store. */
  public record Admin(Optional<String> token) {
    public Admin {
      Objects.requireNonNull(token, "token");
      if (token.isPresent() && token.get().length() < 16) {
        throw new ConfigException("gonogo.admin.token must be at least 16 characters");
      }
    }
  }

  /**
   * Limits of the ingestion path.
   *
   * @param maxInflightBytes decoded request bytes all requests in progress hold at most; past it a
   *     request is answered 503 at once (bounded memory however many clients send)
   * @param ackTimeoutMs longest a request waits for its commit before it is answered 503; the SDK
   *     then keeps (or drops) the data as for any failure, so nothing is acknowledged unstored
   */
  public record Ingest(
      int maxBodyBytes,
      int maxDecompressedBytes,
      int maxAttachmentBytes,
      int maxItems,
      int maxInflightBytes,
      int queueCapacity,
      int batchSize,
      int ackTimeoutMs) {}

  /** Event rate limits; a rate of 0 is unlimited. */
  public record RateLimits(
      double projectPerSecond,
      double projectBurst,
      double releasePerSecond,
      double releaseBurst,
      int maxReleases) {}

  /**
   * HTTP listener. Port 0 picks a free port.
   *
   * @param benchmarkRoutes serve {@code POST /bench/noop}, which reads the body and answers 200
   *     doing nothing else: the raw HTTP limit the ingest benchmark compares against
   * @param maxConnections open client connections at most; past it new ones wait to be accepted
   */
  public record Server(
      String host,
      int port,
      Optional<Path> readyFile,
      boolean benchmarkRoutes,
      int maxConnections) {
    public Server {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(readyFile, "readyFile");
      if (host.isBlank()) {
        throw new ConfigException("gonogo.server.host must not be empty");
      }
      if (port < 0 || port > 65535) {
        throw new ConfigException("gonogo.server.port must be 0-65535, was " + port);
      }
    }
  }

  /** Database connection; the JDBC URL decides SQLite or PostgreSQL. */
  public record Store(
      String url,
      Optional<String> user,
      Optional<String> password,
      int poolSize,
      int connectionTimeoutMs) {
    public Store {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
        throw new ConfigException(
            "gonogo.store.url=" + url + ": expected jdbc:sqlite:<file> or jdbc:postgresql://...");
      }
    }

    public boolean isSqlite() {
      return url.startsWith("jdbc:sqlite:");
    }

    /** The URL with any password in it masked, for logs. */
    public String redactedUrl() {
      return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
  }

  /** Parses every key, reporting the first bad value with its key and source. */
  public static Config from(Settings settings) {
    return new Config(
        new Server(
            settings.string("gonogo.server.host"),
            settings.integer("gonogo.server.port", 0, 65535),
            settings.optional("gonogo.server.ready-file").map(Path::of),
            settings.bool("gonogo.server.benchmark-routes"),
            settings.integer("gonogo.server.max-connections", 16, 100_000)),
        new Store(
            settings.string("gonogo.store.url"),
            settings.optional("gonogo.store.user"),
            settings.optional("gonogo.store.password"),
            settings.integer("gonogo.store.pool-size", 1, 64),
            settings.integer("gonogo.store.connection-timeout-ms", 250, 60_000)),
        new Admin(settings.optional("gonogo.admin.token")),
        new Ingest(
            settings.integer("gonogo.ingest.max-body-bytes", 1024, 512 << 20),
            settings.integer("gonogo.ingest.max-decompressed-bytes", 1024, 1 << 30),
            settings.integer("gonogo.ingest.max-attachment-bytes", 0, 256 << 20),
            settings.integer("gonogo.ingest.max-items", 1, 10_000),
            settings.integer("gonogo.ingest.max-inflight-bytes", 1 << 20, 1 << 30),
            settings.integer("gonogo.ingest.queue-capacity", 1, 1_000_000),
            settings.integer("gonogo.ingest.batch-size", 1, 10_000),
            settings.integer("gonogo.ingest.ack-timeout-ms", 100, 600_000)),
        new RateLimits(
            settings.integer("gonogo.ratelimit.project.events-per-second", 0, 1_000_000),
            settings.integer("gonogo.ratelimit.project.burst", 0, 10_000_000),
            settings.integer("gonogo.ratelimit.release.events-per-second", 0, 1_000_000),
            settings.integer("gonogo.ratelimit.release.burst", 0, 10_000_000),
            settings.integer("gonogo.ratelimit.max-releases", 1, 1_000_000)),
        scrub(settings),
        new Gate(settings.optional("gonogo.gate.policy-file").map(Path::of)));
  }

  private static ScrubSettings scrub(Settings settings) {
    for (String key :
        List.of(
            ScrubSettings.ENABLED,
            ScrubSettings.EMAILS,
            ScrubSettings.IPS,
            ScrubSettings.CREDIT_CARDS,
            ScrubSettings.KEY_NAMES)) {
      settings.bool(key); // a typo such as "ture" fails here with its source
    }
    try {
      return ScrubSettings.fromConfig(settings::string);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** A copy listening on another host and port, for tests and embedding. */
  public Config withServer(String host, int port) {
    return new Config(
        new Server(
            host, port, server.readyFile(), server.benchmarkRoutes(), server.maxConnections()),
        store,
        admin,
        ingest,
        rateLimits,
        scrub,
        gate);
  }

  /** A copy on another store URL. */
  public Config withStoreUrl(String url) {
    return new Config(
        server,
        new Store(
            url, store.user(), store.password(), store.poolSize(), store.connectionTimeoutMs()),
        admin,
        ingest,
        rateLimits,
        scrub,
        gate);
  }

  /** A copy with other event rate limits. */
  public Config withRateLimits(RateLimits limits) {
    return new Config(server, store, admin, ingest, limits, scrub, gate);
  }

  /** A copy with other ingestion limits. */
  public Config withIngest(Ingest limits) {
    return new Config(server, store, admin, limits, rateLimits, scrub, gate);
  }

  /** A copy with a fixed admin token. */
  public Config withAdminToken(String token) {
    return new Config(
        server, store, new Admin(Optional.of(token)), ingest, rateLimits, scrub, gate);
  }

  /** A copy gated by another release policy file. */
  public Config withPolicyFile(Path file) {
    return new Config(server, store, admin, ingest, rateLimits, scrub, new Gate(Optional.of(file)));
  }

  /** A copy with other scrubbing settings. */
  public Config withScrub(ScrubSettings settings) {
    return new Config(server, store, admin, ingest, rateLimits, settings, gate);
  }
}
