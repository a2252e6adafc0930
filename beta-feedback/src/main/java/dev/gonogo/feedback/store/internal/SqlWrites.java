package dev.gonogo.feedback.store.internal;

import dev.gonogo.feedback.store.Records.Attachment;
import dev.gonogo.feedback.store.Records.ClientReport;
import dev.gonogo.feedback.store.Records.Dimensions;
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
import java.util.List;
import java.util.Map;

/**
 * The SQL of every write, in the subset SQLite and PostgreSQL share (ON CONFLICT upserts, CASE
 * instead of MAX/GREATEST). Runs inside the caller's transaction.
 */
public final class SqlWrites {
  private SqlWrites() {}

  /**
   * The prepared statements of one connection, each prepared once and reused for every write of a
   * batch and of the batches after it on the same connection (preparing the upsert again for every
   * write cost a third of the writer's time). The rollups are those of the current transaction.
   */
  public static final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Rollups rollups = new Rollups();

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

    /** The release-health deltas of this transaction. */
    public Rollups rollups() {
      return rollups;
    }

    /** Writes the transaction's rollup deltas; call once, just before the commit. */
    public void flush() throws SQLException {
      rollups.flush(this);
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

  /** The project that exists only inside {@link #warmUp}'s transaction. */
  static final String WARM_UP_PROJECT = "gonogo-warm-up";

  /**
   * Runs every kind of write once, for a project created for it, so that the first batch after
   * start does not pay for loading and initialising the classes of the write path (the rollups'
   * sketches above all) and for compiling its SQL: measured, the first batch of a new process took
   * 60–190 ms of the writer's time, during which every other request waited. The caller rolls the
   * transaction back; nothing of it is ever committed.
   */
  public static void warmUp(Statements c) throws SQLException {
    PreparedStatement p =
        c.prepare("INSERT INTO project (id, name, public_key, created_at) VALUES (?,?,?,0)");
    p.setString(1, WARM_UP_PROJECT);
    p.setString(2, WARM_UP_PROJECT);
    p.setString(3, WARM_UP_PROJECT);
    p.executeUpdate();
    String w = WARM_UP_PROJECT;
    Dimensions dims = new Dimensions(w, w, w, w);
    List<Write> writes =
        List.of(
            new StoredEvent(w, w, 0, 0, w, w, w, "fatal", true, w, w, w, "{}", dims),
            new DroppedEvent(w, w + "-dropped", w, w, w, w, 0, true, w, dims),
            new SessionUpdate(w, w, w, w, w, "ok", 0, 1, true, 0, null, 0, dims),
            new SessionUpdate(w, w, w, w, w, "crashed", 1, 2, false, 0, 1L, 1, dims),
            new SessionAggregate(w, w, 0, w, w, w, 1, 1, 1, 1, 0, dims),
            new Feedback(w, w, w, w, w, w, 0),
            new Attachment(w, w, w, w, w, new byte[1], 0),
            new ClientReport(w, w, 0, w, w, 1));
    for (Write write : writes) {
      apply(c, write);
    }
    c.rollups().requestApplied();
    c.flush();
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
                  + " environment, platform, level, crash, fingerprint, title, user_id, body, os,"
                  + " device, app_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, event_id) DO NOTHING");
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
      s.setString(14, e.dimensions().os());
      s.setString(15, e.dimensions().device());
      s.setString(16, e.dimensions().appVersion());
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
        0,
        e.crash(),
        e.userId(),
        e.dimensions());
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
        1,
        d.crash(),
        d.userId(),
        d.dimensions());
    return true;
  }

  /**
   * Counts one event (stored or dropped) on its signature, its signature's release row (crash
   * events and distinct users apart) and, for a crash, on release health.
   */
  static void countOnSignature(
      Statements c,
      String project,
      String fingerprint,
      String title,
      String release,
      String environment,
      long at,
      int dropped,
      boolean crash,
      String userId,
      Dimensions dims)
      throws SQLException {
    int newUser = 0;
    if (userId != null) {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO signature_user (project_id, fingerprint, release, environment, user_id)"
                  + " VALUES (?,?,?,?,?) ON CONFLICT (project_id, fingerprint, release,"
                  + " environment, user_id) DO NOTHING");
      s.setString(1, project);
      s.setString(2, fingerprint);
      s.setString(3, release);
      s.setString(4, environment);
      s.setString(5, userId);
      newUser = s.executeUpdate();
    }
    if (crash) {
      c.rollups().add(project, release, environment, dims, at, Rollups.CRASH_EVENTS, 1, at);
    }
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
                  + " dropped_events, first_seen, last_seen, crash_events, users)"
                  + " VALUES (?,?,?,?,1,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, fingerprint, release, environment) DO UPDATE SET"
                  + " events = signature_release.events + 1,"
                  + " dropped_events = signature_release.dropped_events + excluded.dropped_events,"
                  + " crash_events = signature_release.crash_events + excluded.crash_events,"
                  + " users = signature_release.users + excluded.users,"
                  + " last_seen = CASE WHEN excluded.last_seen > signature_release.last_seen"
                  + " THEN excluded.last_seen ELSE signature_release.last_seen END");
      s.setString(1, project);
      s.setString(2, fingerprint);
      s.setString(3, release);
      s.setString(4, environment);
      s.setInt(5, dropped);
      s.setLong(6, at);
      s.setLong(7, at);
      s.setInt(8, crash ? 1 : 0);
      s.setInt(9, newUser);
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
    SessionRow before = readSession(c, u.projectId(), u.sid());
    SessionRow after;
    {
      // RETURNING gives the merged row in the same statement: no second SELECT (SQLite >= 3.35
      // and PostgreSQL both have it).
      PreparedStatement s =
          c.prepare(
              "INSERT INTO session (project_id, sid, did, release, environment, status, errors, seq,"
                  + " init_seen, started, duration_ms, updated_at, platform, os, device,"
                  + " app_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
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
                  + " updated_at = excluded.updated_at"
                  + " RETURNING "
                  + SESSION_ROW);
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
      s.setString(13, u.dimensions().platform());
      s.setString(14, u.dimensions().os());
      s.setString(15, u.dimensions().device());
      s.setString(16, u.dimensions().appVersion());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("the session upsert of " + u.sid() + " returned no row");
        }
        after = sessionRow(r);
      }
    }
    sessionHealth(c, u.projectId(), before, after, u.receivedAt());
    return true; // the upsert always writes (updated_at), as before
  }

  /** A session as stored: what release health counts it by. */
  record SessionRow(
      String release,
      String environment,
      String did,
      String status,
      long errors,
      long started,
      Dimensions dims) {
    /** The session's outcome counter, or -1 when healthy (so far). Outcomes are disjoint. */
    int outcome() {
      return switch (status) {
        case "crashed" -> Rollups.CRASHED;
        case "abnormal" -> Rollups.ABNORMAL;
        case "errored" -> Rollups.ERRORED;
        default -> errors > 0 ? Rollups.ERRORED : -1;
      };
    }
  }

  /** The columns of a {@link SessionRow}, in the order {@link #sessionRow} reads them. */
  private static final String SESSION_ROW =
      "release, environment, did, status, errors, started, platform, os, device, app_version";

  private static SessionRow readSession(Statements c, String project, String sid)
      throws SQLException {
    PreparedStatement s =
        c.prepare("SELECT " + SESSION_ROW + " FROM session WHERE project_id = ? AND sid = ?");
    s.setString(1, project);
    s.setString(2, sid);
    try (ResultSet r = s.executeQuery()) {
      return r.next() ? sessionRow(r) : null;
    }
  }

  private static SessionRow sessionRow(ResultSet r) throws SQLException {
    return new SessionRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getLong(5),
        r.getLong(6),
        new Dimensions(r.getString(7), r.getString(8), r.getString(9), r.getString(10)));
  }

  /**
   * Adds to release health what one session's change means: a new session, a changed outcome, a
   * device id seen for the first time, a user who crashed. {@code before} is null for a new
   * session.
   */
  static void sessionHealth(
      Statements c, String project, SessionRow before, SessionRow after, long at)
      throws SQLException {
    Rollups r = c.rollups();
    String release = after.release();
    String env = after.environment();
    Dimensions dims = after.dims();
    long hour = after.started();
    if (before == null) {
      r.add(project, release, env, dims, hour, Rollups.SESSIONS, 1, at);
    }
    int was = before == null ? -1 : before.outcome();
    int is = after.outcome();
    if (was != is) {
      if (was >= 0) {
        r.add(project, release, env, dims, hour, was, -1, at);
      }
      if (is >= 0) {
        r.add(project, release, env, dims, hour, is, 1, at);
      }
    }
    if (after.did() == null) {
      return;
    }
    boolean newDid = before == null || before.did() == null;
    if (newDid) {
      userSeen(c, project, release, env, after.did(), dims, hour, at);
    }
    if (is == Rollups.CRASHED && (was != Rollups.CRASHED || newDid)) {
      userCrashed(c, project, release, env, after.did(), hour, at);
    }
  }

  /** A device id with a session in the release: counted once per release and environment. */
  static void userSeen(
      Statements c,
      String project,
      String release,
      String env,
      String did,
      Dimensions dims,
      long hour,
      long at)
      throws SQLException {
    c.rollups().user(project, release, env, hour, did, false);
    PreparedStatement s =
        c.prepare(
            "INSERT INTO release_user (project_id, release, environment, did, platform, os, device,"
                + " app_version, crashed, first_seen) VALUES (?,?,?,?,?,?,?,?,0,?)"
                + " ON CONFLICT (project_id, release, environment, did) DO NOTHING");
    s.setString(1, project);
    s.setString(2, release);
    s.setString(3, env);
    s.setString(4, did);
    s.setString(5, dims.platform());
    s.setString(6, dims.os());
    s.setString(7, dims.device());
    s.setString(8, dims.appVersion());
    s.setLong(9, at);
    if (s.executeUpdate() > 0) {
      c.rollups().add(project, release, env, dims, hour, Rollups.USERS, 1, at);
    }
  }

  /** A user had a crashed session in the release: counted once, on the user's first dimensions. */
  static void userCrashed(
      Statements c, String project, String release, String env, String did, long hour, long at)
      throws SQLException {
    c.rollups().user(project, release, env, hour, did, true);
    PreparedStatement s =
        c.prepare(
            "UPDATE release_user SET crashed = 1 WHERE project_id = ? AND release = ?"
                + " AND environment = ? AND did = ? AND crashed = 0"
                + " RETURNING platform, os, device, app_version");
    s.setString(1, project);
    s.setString(2, release);
    s.setString(3, env);
    s.setString(4, did);
    try (ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return; // counted before
      }
      Dimensions dims =
          new Dimensions(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
      c.rollups().add(project, release, env, dims, hour, Rollups.CRASHED_USERS, 1, at);
    }
  }

  private static boolean aggregate(Statements c, SessionAggregate a) throws SQLException {
    {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO session_aggregate (project_id, item_key, bucket, release, environment,"
                  + " did, exited, errored, abnormal, crashed, received_at, platform, os, device,"
                  + " app_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, item_key, bucket)"
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
      s.setString(12, a.dimensions().platform());
      s.setString(13, a.dimensions().os());
      s.setString(14, a.dimensions().device());
      s.setString(15, a.dimensions().appVersion());
      if (s.executeUpdate() == 0) {
        return false;
      }
    }
    aggregateHealth(c, a);
    return true;
  }

  /** Adds one bucket of pre-aggregated sessions to release health. */
  static void aggregateHealth(Statements c, SessionAggregate a) throws SQLException {
    Rollups r = c.rollups();
    String p = a.projectId();
    Dimensions dims = a.dimensions();
    long total = a.exited() + a.errored() + a.abnormal() + a.crashed();
    long at = a.receivedAt();
    r.add(p, a.release(), a.environment(), dims, a.bucket(), Rollups.SESSIONS, total, at);
    r.add(p, a.release(), a.environment(), dims, a.bucket(), Rollups.CRASHED, a.crashed(), at);
    r.add(p, a.release(), a.environment(), dims, a.bucket(), Rollups.ABNORMAL, a.abnormal(), at);
    r.add(p, a.release(), a.environment(), dims, a.bucket(), Rollups.ERRORED, a.errored(), at);
    if (a.did() != null) {
      userSeen(c, p, a.release(), a.environment(), a.did(), dims, a.bucket(), at);
      if (a.crashed() > 0) {
        userCrashed(c, p, a.release(), a.environment(), a.did(), a.bucket(), at);
      }
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
