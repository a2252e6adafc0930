package dev.gonogo.feedback.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.internal.HealthBackfill;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * The durable store: a pooled connection to SQLite (embedded default) or PostgreSQL, migrated by
 * Flyway from {@code db/migration/sqlite} or {@code db/migration/postgresql} on open; one schema
 * history per database.
 */
public final class Store implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Config.Store config;
  private final MigrateResult migration;

  private Store(HikariDataSource dataSource, Config.Store config, MigrateResult migration) {
    this.dataSource = dataSource;
    this.config = config;
    this.migration = migration;
  }

  /**
   * Connects and migrates the schema.
   *
   * @throws StoreException when the database cannot be reached or migrated; the message names the
   *     (redacted) URL
   */
  public static Store open(Config.Store config) {
    HikariDataSource dataSource = new HikariDataSource(hikari(config));
    try {
      MigrateResult result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration/" + (config.isSqlite() ? "sqlite" : "postgresql"))
              .failOnMissingLocations(true)
              .load()
              .migrate();
      backfillWhenIntroduced(dataSource, result);
      return new Store(dataSource, config, result);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate the store at " + config.redactedUrl() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rows stored before release health existed (schema version 3) are rolled up once, by the
   * migration to version 3; a new database has nothing to roll up.
   */
  private static void backfillWhenIntroduced(DataSource dataSource, MigrateResult result) {
    boolean introducedNow =
        result.initialSchemaVersion != null
            && result.migrations.stream().anyMatch(m -> "3".equals(m.version));
    if (!introducedNow) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      long rows = HealthBackfill.run(connection);
      LoggerFactory.getLogger(Store.class)
          .info("release health: rolled up {} rows stored before schema version 3", rows);
    } catch (SQLException e) {
      throw new StoreException("cannot roll up existing rows into release health", e);
    }
  }

  private static HikariConfig hikari(Config.Store config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("gonogo-store");
    hikari.setJdbcUrl(config.url());
    config.user().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setConnectionTimeout(config.connectionTimeoutMs());
    hikari.setValidationTimeout(Math.min(config.connectionTimeoutMs(), 1000));
    // Do not fail construction when the database is down; Flyway reports it with the URL.
    hikari.setInitializationFailTimeout(-1);
    if (config.isSqlite()) {
      createParentFolder(config.url());
      // WAL lets readers proceed while one writer commits; a writer waits instead of failing.
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", "FULL");
      hikari.addDataSourceProperty("busy_timeout", String.valueOf(config.connectionTimeoutMs()));
      hikari.addDataSourceProperty("foreign_keys", "true");
    }
    return hikari;
  }

  private static void createParentFolder(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("cannot create the folder " + parent + " for the SQLite store", e);
    }
  }

  /** True when a connection can be had and answers within a second. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The schema version after migration, e.g. "1". */
  public String schemaVersion() {
    return migration.targetSchemaVersion != null
        ? migration.targetSchemaVersion
        : migration.initialSchemaVersion;
  }

  public String describe() {
    return config.redactedUrl() + " (schema version " + schemaVersion() + ")";
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
