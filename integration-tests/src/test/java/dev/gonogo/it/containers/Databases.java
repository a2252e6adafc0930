package dev.gonogo.it.containers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Databases of a PostgreSQL container, so suites that share the server do not share data: each
 * creates its own database and reads it over the mapped port.
 */
public final class Databases {
  private Databases() {}

  /** Creates an empty database named {@code <prefix>_<random>} and returns its name. */
  public static String create(PostgreSQLContainer postgres, String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c =
            DriverManager.getConnection(
                postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + name + " on " + postgres.getJdbcUrl() + ": " + e, e);
    }
    return name;
  }

  /** JDBC URL of a database of the container, as reachable from the tests. */
  public static String jdbcUrl(PostgreSQLContainer postgres, String database) {
    return "jdbc:postgresql://"
        + postgres.getHost()
        + ":"
        + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
        + "/"
        + database;
  }

  /** A connection to a database of the container, as the candidate's user. */
  public static Connection connect(PostgreSQLContainer postgres, String database)
      throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl(postgres, database), postgres.getUsername(), postgres.getPassword());
  }
}
