package dev.gonogo.feedback.project;

import dev.gonogo.feedback.store.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Projects and their keys. Ids are numeric strings, as Sentry DSNs carry them; keys are 32 random
 * hex characters. Lookups by id are cached: ingestion checks the key on every request.
 */
public final class Projects {
  public static final String DEFAULT_NAME = "default";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;
  private final Clock clock;
  private final Map<String, Project> byId = new ConcurrentHashMap<>();

  public Projects(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Creates the default project on first start; returns it (or the first project). */
  public synchronized Project ensureDefault() {
    List<Project> all = list();
    return all.isEmpty() ? create(DEFAULT_NAME) : all.get(0);
  }

  public synchronized Project create(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
    try (Connection c = dataSource.getConnection()) {
      long next;
      try (ResultSet r =
          c.createStatement()
              .executeQuery("SELECT COALESCE(MAX(CAST(id AS BIGINT)), 0) + 1 FROM project")) {
        r.next();
        next = r.getLong(1);
      }
      Project project =
          new Project(
              Long.toString(next), name.trim(), randomHex(16), clock.instant().toEpochMilli());
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO project (id, name, public_key, created_at) VALUES (?,?,?,?)")) {
        s.setString(1, project.id());
        s.setString(2, project.name());
        s.setString(3, project.publicKey());
        s.setLong(4, project.createdAt());
        s.executeUpdate();
      }
      byId.put(project.id(), project);
      return project;
    } catch (SQLException e) {
      throw new StoreException("cannot create project '" + name + "': " + e.getMessage(), e);
    }
  }

  public Optional<Project> find(String id) {
    Project cached = byId.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, public_key, created_at FROM project WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        Project project = read(r);
        byId.put(project.id(), project);
        return Optional.of(project);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read project " + id + ": " + e.getMessage(), e);
    }
  }

  public List<Project> list() {
    try (Connection c = dataSource.getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT id, name, public_key, created_at FROM project"
                        + " ORDER BY CAST(id AS BIGINT)")) {
      List<Project> projects = new ArrayList<>();
      while (r.next()) {
        projects.add(read(r));
      }
      return projects;
    } catch (SQLException e) {
      throw new StoreException("cannot list projects: " + e.getMessage(), e);
    }
  }

  private static Project read(ResultSet r) throws SQLException {
    return new Project(r.getString(1), r.getString(2), r.getString(3), r.getLong(4));
  }

  static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
