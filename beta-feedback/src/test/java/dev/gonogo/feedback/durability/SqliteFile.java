package dev.gonogo.feedback.durability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks into the service's SQLite file directly, with its own connection, for what the HTTP API
 * does not tell: file integrity and the stored session ids. Only opened while the restarted service
 * runs, so the service, not the test, recovers the write-ahead log after a crash.
 */
final class SqliteFile {
  private final Path file;

  SqliteFile(Path file) {
    this.file = file;
  }

  /** The rows of {@code PRAGMA integrity_check}: exactly ["ok"] for a sound file. */
  List<String> integrityCheck() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }

  /** Event ids stored for the project. */
  Set<String> eventIds(String projectId) throws SQLException {
    return strings("SELECT event_id FROM event WHERE project_id = ?", projectId);
  }

  /** Session ids ({@code sid}) stored for the project. */
  Set<String> sessionIds(String projectId) throws SQLException {
    return strings("SELECT sid FROM session WHERE project_id = ?", projectId);
  }

  private Set<String> strings(String sql, String projectId) throws SQLException {
    Set<String> values = new HashSet<>();
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, projectId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          values.add(r.getString(1));
        }
      }
    }
    return values;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
