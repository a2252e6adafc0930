package dev.gonogo.feedback.store.internal;

import dev.gonogo.feedback.store.Records.Attachment;
import dev.gonogo.feedback.store.Records.ClientReport;
import dev.gonogo.feedback.store.Records.DroppedEvent;
import dev.gonogo.feedback.store.Records.Feedback;
import dev.gonogo.feedback.store.Records.SessionAggregate;
import dev.gonogo.feedback.store.Records.SessionUpdate;
import dev.gonogo.feedback.store.Records.StoredEvent;
import dev.gonogo.feedback.store.Records.Write;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL of every write, in the subset SQLite and PostgreSQL share (ON CONFLICT upserts, CASE
 * instead of MAX/GREATEST). Runs inside the caller's transaction.
 */
public final class SqlWrites {
  private SqlWrites() {}

  /**
   * The prepared statements of one transaction, each prepared once and reused for every write of
   * the batch (preparing the upsert again for every write cost a third of the writer's time).
   */
  public static final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public Statements(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      return statement;
    }

    /** Closes every statement; the first failure is thrown after all were tried. */
    @Override
    public void close() throws SQLException {
      SQLException first = null;
      for (PreparedStatement statement : prepared.values()) {
        try {
          statement.close();
        } catch (SQLException e) {
          first = first == null ? e : first;
        }
      }
      prepared.clear();
      if (first != null) {
        throw first;
      }
    }
  }

  /** Applies one write; returns false when it changed nothing (a duplicate). */
  public static boolean apply(Statements c, Write write) throws SQLException {
    if (write instanceof StoredEvent e) {
      return event(c, e);
    } else if (write instanceof DroppedEvent d) {
      return dropped(c, d);
    } else if (write instanceof SessionUpdate u) {
      return session(c, u);
    } else if (write instanceof SessionAggregate a) {
      return aggregate(c, a);
    } else if (write instanceof Feedback f) {
      return feedback(c, f);
    } else if (write instanceof Attachment a) {
      return attachment(c, a);
    } else if (write instanceof ClientReport r) {
      return clientReport(c, r);
    }
    throw new IllegalArgumentException("unknown write " + write.getClass().getName());
  }

  private static boolean event(Statements c, StoredEvent e) throws SQLException {
    int inserted;
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO event (project_id, event_id, received_at, occurred_at, release,"
                  + " environment, platform, level, crash, fingerprint, title, user_id, body)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (project_id, event_id) DO NOTHING");
      s.setString(1, e.projectId());
      s.setString(2, e.eventId());
      s.setLong(3, e.receivedAt());
      s.setLong(4, e.occurredAt());
      s.setString(5, e.release());
      s.setString(6, e.environment());
      s.setString(7, e.platform());
      s.setString(8, e.level());
      s.setInt(9, e.crash() ? 1 : 0);
      s.setString(10, e.fingerprint());
      s.setString(11, e.title());
      setNullable(s, 12, e.userId());
      s.setString(13, e.body());
      inserted = s.executeUpdate();
    }
    if (inserted == 0) {
      return false; // the same event id again: stored and counted once
    }
    countOnSignature(
        c,
        e.projectId(),
        e.fingerprint(),
        e.title(),
        e.release(),
        e.environment(),
        e.receivedAt(),
        0);
    return true;
  }

  private static boolean dropped(Statements c, DroppedEvent d) throws SQLException {
    {
      PreparedStatement s = c.prepare("SELECT 1 FROM event WHERE project_id = ? AND event_id = ?");
      s.setString(1, d.projectId());
      s.setString(2, d.eventId());
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return false; // already stored: a re-send is not a second event
        }
      }
    }
    countOnSignature(
        c,
        d.projectId(),
        d.fingerprint(),
        d.title(),
        d.release(),
        d.environment(),
        d.receivedAt(),
        1);
    return true;
  }

  private static void countOnSignature(
      Statements c,
      String project,
      String fingerprint,
      String title,
      String release,
      String environment,
      long at,
      int dropped)
      throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO signature (project_id, fingerprint, title, first_seen, last_seen,"
                  + " first_release) VALUES (?,?,?,?,?,?) ON CONFLICT (project_id, fingerprint)"
                  + " DO UPDATE SET last_seen = CASE WHEN excluded.last_seen > signature.last_seen"
                  + " THEN excluded.last_seen ELSE signature.last_seen END");
      s.setString(1, project);
      s.setString(2, fingerprint);
      s.setString(3, title);
      s.setLong(4, at);
      s.setLong(5, at);
      s.setString(6, release);
      s.executeUpdate();
    }
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO signature_release (project_id, fingerprint, release, environment, events,"
                  + " dropped_events, first_seen, last_seen) VALUES (?,?,?,?,1,?,?,?)"
                  + " ON CONFLICT (project_id, fingerprint, release, environment) DO UPDATE SET"
                  + " events = signature_release.events + 1,"
                  + " dropped_events = signature_release.dropped_events + excluded.dropped_events,"
                  + " last_seen = CASE WHEN excluded.last_seen > signature_release.last_seen"
                  + " THEN excluded.last_seen ELSE signature_release.last_seen END");
      s.setString(1, project);
      s.setString(2, fingerprint);
      s.setString(3, release);
      s.setString(4, environment);
      s.setInt(5, dropped);
      s.setLong(6, at);
      s.setLong(7, at);
      s.executeUpdate();
    }
  }

  /**
   * Merges a session update: the first terminal status (anything but ok) is final and ends an open
   * session whatever its seq (an SDK sends nothing after the end, but may stamp the end with a
   * lower seq than the receive time an init without seq was given); between ok updates the higher
   * seq wins; errors never decrease; init is remembered once seen; the first release, environment
   * and start are kept.
   */
  private static boolean session(Statements c, SessionUpdate u) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO session (project_id, sid, did, release, environment, status, errors, seq,"
                  + " init_seen, started, duration_ms, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, sid) DO UPDATE SET"
                  + " status = CASE WHEN session.status <> 'ok' THEN session.status"
                  + "   WHEN excluded.status <> 'ok' OR excluded.seq >= session.seq"
                  + "   THEN excluded.status ELSE session.status END,"
                  + " errors = CASE WHEN session.status <> 'ok' THEN session.errors"
                  + "   WHEN excluded.errors > session.errors THEN excluded.errors ELSE session.errors END,"
                  + " duration_ms = CASE WHEN session.status <> 'ok' THEN session.duration_ms"
                  + "   WHEN excluded.status <> 'ok' OR excluded.seq >= session.seq"
                  + "   THEN excluded.duration_ms"
                  + "   ELSE session.duration_ms END,"
                  + " seq = CASE WHEN session.status <> 'ok' THEN session.seq"
                  + "   WHEN excluded.seq > session.seq THEN excluded.seq ELSE session.seq END,"
                  + " init_seen = CASE WHEN excluded.init_seen > session.init_seen"
                  + "   THEN excluded.init_seen ELSE session.init_seen END,"
                  + " did = COALESCE(session.did, excluded.did),"
                  + " updated_at = excluded.updated_at");
      s.setString(1, u.projectId());
      s.setString(2, u.sid());
      setNullable(s, 3, u.did());
      s.setString(4, u.release());
      s.setString(5, u.environment());
      s.setString(6, u.status());
      s.setInt(7, u.errors());
      s.setLong(8, u.seq());
      s.setInt(9, u.init() ? 1 : 0);
      s.setLong(10, u.started());
      if (u.durationMs() == null) {
        s.setNull(11, Types.BIGINT);
      } else {
        s.setLong(11, u.durationMs());
      }
      s.setLong(12, u.receivedAt());
      return s.executeUpdate() > 0;
    }
  }

  private static boolean aggregate(Statements c, SessionAggregate a) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO session_aggregate (project_id, item_key, bucket, release, environment,"
                  + " did, exited, errored, abnormal, crashed, received_at)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (project_id, item_key, bucket)"
                  + " DO NOTHING");
      s.setString(1, a.projectId());
      s.setString(2, a.itemKey());
      s.setLong(3, a.bucket());
      s.setString(4, a.release());
      s.setString(5, a.environment());
      setNullable(s, 6, a.did());
      s.setLong(7, a.exited());
      s.setLong(8, a.errored());
      s.setLong(9, a.abnormal());
      s.setLong(10, a.crashed());
      s.setLong(11, a.receivedAt());
      return s.executeUpdate() > 0;
    }
  }

  private static boolean feedback(Statements c, Feedback f) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO feedback (project_id, feedback_id, event_id, name, email, message,"
                  + " received_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (project_id, feedback_id)"
                  + " DO NOTHING");
      s.setString(1, f.projectId());
      s.setString(2, f.feedbackId());
      setNullable(s, 3, f.eventId());
      setNullable(s, 4, f.name());
      setNullable(s, 5, f.email());
      s.setString(6, f.message());
      s.setLong(7, f.receivedAt());
      return s.executeUpdate() > 0;
    }
  }

  private static boolean attachment(Statements c, Attachment a) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO attachment (project_id, attachment_id, event_id, filename, content_type,"
                  + " size, body, received_at) VALUES (?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, attachment_id) DO NOTHING");
      s.setString(1, a.projectId());
      s.setString(2, a.attachmentId());
      setNullable(s, 3, a.eventId());
      s.setString(4, a.filename());
      setNullable(s, 5, a.contentType());
      s.setLong(6, a.body().length);
      s.setBytes(7, a.body());
      s.setLong(8, a.receivedAt());
      return s.executeUpdate() > 0;
    }
  }

  private static boolean clientReport(Statements c, ClientReport r) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO client_report (project_id, report_key, received_at, reason, category,"
                  + " quantity) VALUES (?,?,?,?,?,?) ON CONFLICT (project_id, report_key)"
                  + " DO NOTHING");
      s.setString(1, r.projectId());
      s.setString(2, r.reportKey());
      s.setLong(3, r.receivedAt());
      s.setString(4, r.reason());
      s.setString(5, r.category());
      s.setLong(6, r.quantity());
      return s.executeUpdate() > 0;
    }
  }

  private static void setNullable(PreparedStatement s, int index, String value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }
}
