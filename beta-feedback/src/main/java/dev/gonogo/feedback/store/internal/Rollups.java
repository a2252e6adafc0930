package dev.gonogo.feedback.store.internal;

import dev.gonogo.feedback.store.Records.Dimensions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The release-health rollups of one transaction. Writes add deltas here as they change sessions and
 * events; {@link #flush} adds them to {@code health_rollup} and {@code health_hour} once per batch
 * (one upsert per touched row instead of one per write). A request's deltas are staged until its
 * savepoint is released, so a rolled-back request leaves no trace in the rollups either.
 */
public final class Rollups {
  /** HyperLogLog precision: 2^12 buckets, about 1.6 % relative error, at most 2.6 KiB a sketch. */
  public static final int LG_K = 12;

  public static final long HOUR = 3_600_000L;

  /** The rows of {@code health_rollup} one change touches: the total and one per dimension. */
  static final List<String> DIMENSIONS = List.of("all", "platform", "os", "device", "app_version");

  record Key(String project, String release, String environment, String dimension, String value) {}

  record HourKey(String project, String release, String environment, long hour) {}

  /** sessions, crashed, abnormal, errored, users, crashed users, crash events; first, last seen. */
  static final class Counts {
    final long[] n = new long[7];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    void seen(long at) {
      first = Math.min(first, at);
      last = Math.max(last, at);
    }

    void add(Counts o) {
      for (int i = 0; i < n.length; i++) {
        n[i] += o.n[i];
      }
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
    }
  }

  static final class Hour {
    final Counts counts = new Counts();
    final List<String> users = new ArrayList<>();
    final List<String> crashedUsers = new ArrayList<>();

    void add(Hour o) {
      counts.add(o.counts);
      users.addAll(o.users);
      crashedUsers.addAll(o.crashedUsers);
    }
  }

  static final int SESSIONS = 0;
  static final int CRASHED = 1;
  static final int ABNORMAL = 2;
  static final int ERRORED = 3;
  static final int USERS = 4;
  static final int CRASHED_USERS = 5;
  static final int CRASH_EVENTS = 6;

  private final Map<Key, Counts> batch = new LinkedHashMap<>();
  private final Map<HourKey, Hour> batchHours = new LinkedHashMap<>();
  private final Map<Key, Counts> staged = new HashMap<>();
  private final Map<HourKey, Hour> stagedHours = new HashMap<>();

  /** Adds {@code delta} to counter {@code index} of every row the dimensions touch. */
  void add(
      String project,
      String release,
      String environment,
      Dimensions dims,
      long hourOf,
      int index,
      long delta,
      long at) {
    for (String dimension : DIMENSIONS) {
      Counts counts =
          staged.computeIfAbsent(
              new Key(project, release, environment, dimension, value(dims, dimension)),
              k -> new Counts());
      counts.n[index] += delta;
      counts.seen(at);
    }
    if (index != USERS && index != CRASHED_USERS) {
      Hour hour = hour(project, release, environment, hourOf);
      hour.counts.n[index] += delta;
    }
  }

  /** A user seen in the hour {@code hourOf} (crashed: one who crashed then). */
  void user(
      String project,
      String release,
      String environment,
      long hourOf,
      String did,
      boolean crashed) {
    Hour hour = hour(project, release, environment, hourOf);
    (crashed ? hour.crashedUsers : hour.users).add(did);
  }

  private Hour hour(String project, String release, String environment, long at) {
    return stagedHours.computeIfAbsent(
        new HourKey(project, release, environment, Math.floorDiv(at, HOUR) * HOUR),
        k -> new Hour());
  }

  static String value(Dimensions dims, String dimension) {
    return switch (dimension) {
      case "all" -> "";
      case "platform" -> dims.platform();
      case "os" -> dims.os();
      case "device" -> dims.device();
      case "app_version" -> dims.appVersion();
      default -> throw new IllegalArgumentException("unknown dimension " + dimension);
    };
  }

  /** The request's savepoint was released: its deltas join the batch. */
  public void requestApplied() {
    staged.forEach((k, v) -> batch.computeIfAbsent(k, x -> new Counts()).add(v));
    stagedHours.forEach((k, v) -> batchHours.computeIfAbsent(k, x -> new Hour()).add(v));
    requestRolledBack();
  }

  /** The request was rolled back to its savepoint: its deltas are forgotten. */
  public void requestRolledBack() {
    staged.clear();
    stagedHours.clear();
  }

  /** Writes the batch's deltas; called once, just before the commit. */
  void flush(SqlWrites.Statements c) throws SQLException {
    if (!batch.isEmpty()) {
      PreparedStatement s =
          c.prepare(
              "INSERT INTO health_rollup (project_id, release, environment, dimension, value,"
                  + " sessions, crashed, abnormal, errored, users, crashed_users, crash_events,"
                  + " first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (project_id, release, environment, dimension, value) DO UPDATE SET"
                  + " sessions = health_rollup.sessions + excluded.sessions,"
                  + " crashed = health_rollup.crashed + excluded.crashed,"
                  + " abnormal = health_rollup.abnormal + excluded.abnormal,"
                  + " errored = health_rollup.errored + excluded.errored,"
                  + " users = health_rollup.users + excluded.users,"
                  + " crashed_users = health_rollup.crashed_users + excluded.crashed_users,"
                  + " crash_events = health_rollup.crash_events + excluded.crash_events,"
                  + " first_seen = CASE WHEN excluded.first_seen < health_rollup.first_seen"
                  + "   THEN excluded.first_seen ELSE health_rollup.first_seen END,"
                  + " last_seen = CASE WHEN excluded.last_seen > health_rollup.last_seen"
                  + "   THEN excluded.last_seen ELSE health_rollup.last_seen END");
      for (Map.Entry<Key, Counts> e : batch.entrySet()) {
        Key k = e.getKey();
        Counts v = e.getValue();
        s.setString(1, k.project());
        s.setString(2, k.release());
        s.setString(3, k.environment());
        s.setString(4, k.dimension());
        s.setString(5, k.value());
        for (int i = 0; i < v.n.length; i++) {
          s.setLong(6 + i, v.n[i]);
        }
        s.setLong(13, v.first);
        s.setLong(14, v.last);
        s.addBatch();
      }
      s.executeBatch();
      batch.clear();
    }
    for (Map.Entry<HourKey, Hour> e : batchHours.entrySet()) {
      flushHour(c, e.getKey(), e.getValue());
    }
    batchHours.clear();
  }

  private static void flushHour(SqlWrites.Statements c, HourKey k, Hour h) throws SQLException {
    byte[] users = null;
    byte[] crashed = null;
    if (!h.users.isEmpty() || !h.crashedUsers.isEmpty()) {
      PreparedStatement read =
          c.prepare(
              "SELECT users_sketch, crashed_users_sketch FROM health_hour WHERE project_id = ?"
                  + " AND release = ? AND environment = ? AND hour = ?");
      read.setString(1, k.project());
      read.setString(2, k.release());
      read.setString(3, k.environment());
      read.setLong(4, k.hour());
      try (ResultSet r = read.executeQuery()) {
        if (r.next()) {
          users = r.getBytes(1);
          crashed = r.getBytes(2);
        }
      }
      users = merged(users, h.users);
      crashed = merged(crashed, h.crashedUsers);
    }
    PreparedStatement s =
        c.prepare(
            "INSERT INTO health_hour (project_id, release, environment, hour, sessions, crashed,"
                + " abnormal, errored, crash_events, users_sketch, crashed_users_sketch)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (project_id, release, environment, hour) DO UPDATE SET"
                + " sessions = health_hour.sessions + excluded.sessions,"
                + " crashed = health_hour.crashed + excluded.crashed,"
                + " abnormal = health_hour.abnormal + excluded.abnormal,"
                + " errored = health_hour.errored + excluded.errored,"
                + " crash_events = health_hour.crash_events + excluded.crash_events,"
                + " users_sketch = COALESCE(excluded.users_sketch, health_hour.users_sketch),"
                + " crashed_users_sketch = COALESCE(excluded.crashed_users_sketch,"
                + "   health_hour.crashed_users_sketch)");
    s.setString(1, k.project());
    s.setString(2, k.release());
    s.setString(3, k.environment());
    s.setLong(4, k.hour());
    s.setLong(5, h.counts.n[SESSIONS]);
    s.setLong(6, h.counts.n[CRASHED]);
    s.setLong(7, h.counts.n[ABNORMAL]);
    s.setLong(8, h.counts.n[ERRORED]);
    s.setLong(9, h.counts.n[CRASH_EVENTS]);
    s.setBytes(10, users);
    s.setBytes(11, crashed);
    s.executeUpdate();
  }

  /** The stored sketch (null: none yet) with {@code ids} added; null when there is nothing. */
  private static byte[] merged(byte[] stored, List<String> ids) {
    if (ids.isEmpty()) {
      return stored;
    }
    HllSketch sketch =
        stored == null ? new HllSketch(LG_K, TgtHllType.HLL_4) : HllSketch.heapify(stored);
    for (String id : ids) {
      sketch.update(id);
    }
    return sketch.toCompactByteArray();
  }
}
