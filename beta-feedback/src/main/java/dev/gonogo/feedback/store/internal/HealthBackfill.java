package dev.gonogo.feedback.store.internal;

import dev.gonogo.feedback.store.Records.Dimensions;
import dev.gonogo.feedback.store.Records.SessionAggregate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rolls up the sessions, aggregates and crash events already stored when the release-health rollups
 * were introduced (schema version 3), with the same code the writer runs for new data. Runs in one
 * transaction: either every row is rolled up or none.
 */
public final class HealthBackfill {
  private static final int FLUSH_EVERY = 20_000;

  private HealthBackfill() {}

  /** Returns the number of raw rows rolled up. */
  public static long run(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    long rows = 0;
    try (SqlWrites.Statements c = new SqlWrites.Statements(connection)) {
      rows += sessions(connection, c);
      rows += aggregates(connection, c);
      rows += events(connection, c);
      c.rollups().requestApplied();
      c.flush();
      connection.commit();
      return rows;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static long sessions(Connection connection, SqlWrites.Statements c) throws SQLException {
    long rows = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT project_id, release, environment, did, status, errors, started, platform, os,"
                + " device, app_version, updated_at FROM session")) {
      s.setFetchSize(5000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          SqlWrites.SessionRow row =
              new SqlWrites.SessionRow(
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getLong(6),
                  r.getLong(7),
                  new Dimensions(r.getString(8), r.getString(9), r.getString(10), r.getString(11)));
          SqlWrites.sessionHealth(c, r.getString(1), null, row, r.getLong(12));
          if (++rows % FLUSH_EVERY == 0) {
            c.rollups().requestApplied();
            c.flush();
          }
        }
      }
    }
    return rows;
  }

  private static long aggregates(Connection connection, SqlWrites.Statements c)
      throws SQLException {
    long rows = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT project_id, item_key, bucket, release, environment, did, exited, errored,"
                + " abnormal, crashed, received_at, platform, os, device, app_version"
                + " FROM session_aggregate")) {
      s.setFetchSize(5000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          SqlWrites.aggregateHealth(
              c,
              new SessionAggregate(
                  r.getString(1),
                  r.getString(2),
                  r.getLong(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getLong(7),
                  r.getLong(8),
                  r.getLong(9),
                  r.getLong(10),
                  r.getLong(11),
                  new Dimensions(
                      r.getString(12), r.getString(13), r.getString(14), r.getString(15))));
          if (++rows % FLUSH_EVERY == 0) {
            c.rollups().requestApplied();
            c.flush();
          }
        }
      }
    }
    return rows;
  }

  private static long events(Connection connection, SqlWrites.Statements c) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(
          "INSERT INTO signature_user (project_id, fingerprint, release, environment, user_id)"
              + " SELECT DISTINCT project_id, fingerprint, release, environment, user_id FROM event"
              + " WHERE user_id IS NOT NULL ON CONFLICT DO NOTHING");
      s.executeUpdate(
          "UPDATE signature_release SET"
              + " crash_events = (SELECT COUNT(*) FROM event e WHERE e.project_id ="
              + " signature_release.project_id AND e.fingerprint = signature_release.fingerprint"
              + " AND e.release = signature_release.release AND e.environment ="
              + " signature_release.environment AND e.crash = 1),"
              + " users = (SELECT COUNT(*) FROM signature_user u WHERE u.project_id ="
              + " signature_release.project_id AND u.fingerprint = signature_release.fingerprint"
              + " AND u.release = signature_release.release AND u.environment ="
              + " signature_release.environment)");
    }
    long rows = 0;
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT project_id, release, environment, platform, os, device, app_version,"
                + " received_at FROM event WHERE crash = 1")) {
      s.setFetchSize(5000);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long at = r.getLong(8);
          c.rollups()
              .add(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  new Dimensions(r.getString(4), r.getString(5), r.getString(6), r.getString(7)),
                  at,
                  Rollups.CRASH_EVENTS,
                  1,
                  at);
          rows++;
        }
      }
    }
    return rows;
  }
}
