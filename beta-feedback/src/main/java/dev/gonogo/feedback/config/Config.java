package dev.gonogo.feedback.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The typed configuration of beta-feedback: what {@link Settings} holds, parsed and checked. */
public record Config(Server server, Store store) {

  public Config {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(store, "store");
  }

  /** HTTP listener. Port 0 picks a free port. */
  public record Server(String host, int port, Optional<Path> readyFile) {
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
            settings.optional("gonogo.server.ready-file").map(Path::of)),
        new Store(
            settings.string("gonogo.store.url"),
            settings.optional("gonogo.store.user"),
            settings.optional("gonogo.store.password"),
            settings.integer("gonogo.store.pool-size", 1, 64),
            settings.integer("gonogo.store.connection-timeout-ms", 250, 60_000)));
  }

  /** A copy listening on another host and port, for tests and embedding. */
  public Config withServer(String host, int port) {
    return new Config(new Server(host, port, server.readyFile()), store);
  }

  /** A copy on another store URL. */
  public Config withStoreUrl(String url) {
    return new Config(
        server,
        new Store(
            url, store.user(), store.password(), store.poolSize(), store.connectionTimeoutMs()));
  }
}
