package dev.gonogo.feedback.health;

import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.internal.SpikingSignaturesRule;
import dev.gonogo.feedback.store.StoreException;
import dev.gonogo.feedback.store.internal.Rollups;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * Release health from the rollups ({@code health_rollup}, {@code health_hour}, {@code
 * signature_release}): no read scans raw sessions or events except the few sample events asked for.
 * An environment of null means every environment (users are then summed per environment).
 */
public final class HealthQueries {
  /** Adoption is measured over this window, ending now. */
  public static final Duration ADOPTION_WINDOW = Duration.ofHours(24);

  private final DataSource dataSource;
  private final Clock clock;

  public HealthQueries(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public record Release(String release, Counts counts, long firstSeen, long lastSeen) {}

  public record Group(String dimension, String value, Counts counts) {}

  /** Share of the project's sessions and users in the window; null shares when none at all. */
  public record Adoption(
      long windowStart,
      long windowEnd,
      long sessions,
      long projectSessions,
      Double sessionShare,
      double users,
      double projectUsers,
      Double userShare) {}

  public record Health(
      Release release, long signatures, Adoption adoption, Map<String, List<Group>> breakdown) {}

  public record Point(long start, Counts counts, double users, double crashedUsers) {}

  /**
   * A signature in a release.
   *
   * @param status new, regressed, spiking or ongoing
   * @param sessions sessions it crashed (each crash ends one session)
   */
  public record Signature(
      String fingerprint,
      String title,
      String status,
      long events,
      long droppedEvents,
      long crashEvents,
      long sessions,
      long users,
      long firstSeen,
      long lastSeen,
      String firstRelease,
      Long resolvedAt,
      String resolvedRelease,
      long baselineEvents,
      long baselineCrashEvents) {}

  public record SampleEvent(
      String eventId,
      long receivedAt,
      String level,
      boolean crash,
      String platform,
      String os,
      String device,
      String body) {}

  private static String env(String environment) {
    return environment == null ? "" : " AND environment = ?";
  }

  /** Releases with sessions or crashes, most recently seen first. */
  public List<Release> releases(String project, String environment) {
    String sql =
        "SELECT release, "
            + SUMS
            + ", MIN(first_seen), MAX(last_seen) FROM health_rollup WHERE project_id = ?"
            + " AND dimension = 'all'"
            + env(environment)
            + " GROUP BY release ORDER BY MAX(last_seen) DESC, release";
    return query(
        sql,
        s -> bind(s, project, environment),
        r -> new Release(r.getString(1), counts(r, 2), r.getLong(9), r.getLong(10)));
  }

  private static final String SUMS =
      "SUM(sessions), SUM(crashed), SUM(abnormal), SUM(errored), SUM(users), SUM(crashed_users),"
          + " SUM(crash_events)";

  private static Counts counts(ResultSet r, int from) throws SQLException {
    return new Counts(
        r.getLong(from),
        r.getLong(from + 1),
        r.getLong(from + 2),
        r.getLong(from + 3),
        r.getLong(from + 4),
        r.getLong(from + 5),
        r.getLong(from + 6));
  }

  public Optional<Release> totals(String project, String release, String environment) {
    String sql =
        "SELECT COUNT(*), "
            + SUMS
            + ", MIN(first_seen), MAX(last_seen) FROM health_rollup WHERE project_id = ?"
            + " AND release = ? AND dimension = 'all'"
            + env(environment);
    return query(
            sql,
            s -> bind(s, project, release, environment),
            r ->
                r.getLong(1) == 0
                    ? null
                    : new Release(release, counts(r, 2), r.getLong(9), r.getLong(10)))
        .stream()
        .filter(x -> x != null)
        .findFirst();
  }

  /** Totals, breakdowns (top {@code perDimension} values each), adoption and signature count. */
  public Optional<Health> health(
      String project, String release, String environment, int perDimension) {
    Optional<Release> totals = totals(project, release, environment);
    if (totals.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Group>> breakdown = new LinkedHashMap<>();
    for (String d : List.of("platform", "os", "device", "app_version")) {
      breakdown.put(d, groups(project, release, environment, d, perDimension));
    }
    long signatures =
        query(
                "SELECT COUNT(DISTINCT fingerprint) FROM signature_release WHERE project_id = ?"
                    + " AND release = ?"
                    + env(environment),
                s -> bind(s, project, release, environment),
                r -> r.getLong(1))
            .get(0);
    return Optional.of(
        new Health(totals.get(), signatures, adoption(project, release, environment), breakdown));
  }

  /** One dimension's groups, most sessions first; {@code limit} 0 means all. */
  public List<Group> groups(
      String project, String release, String environment, String dimension, int limit) {
    String sql =
        "SELECT value, "
            + SUMS
            + " FROM health_rollup WHERE project_id = ? AND release = ? AND dimension = ?"
            + env(environment)
            + " GROUP BY value ORDER BY SUM(sessions) DESC, SUM(crash_events) DESC, value"
            + (limit > 0 ? " LIMIT " + limit : "");
    return query(
        sql,
        s -> {
          s.setString(1, project);
          s.setString(2, release);
          s.setString(3, dimension);
          if (environment != null) {
            s.setString(4, environment);
          }
        },
        r -> new Group(dimension, r.getString(1), counts(r, 2)));
  }

  /** The release's share of the project's sessions and users over the last 24 hours. */
  public Adoption adoption(String project, String release, String environment) {
    long end = clock.millis();
    long start = Math.floorDiv(end - ADOPTION_WINDOW.toMillis(), Rollups.HOUR) * Rollups.HOUR;
    Union all = new Union(Rollups.LG_K);
    Union mine = new Union(Rollups.LG_K);
    long[] sessions = new long[2];
    query(
        "SELECT release, sessions, users_sketch FROM health_hour WHERE project_id = ?"
            + " AND hour >= ?"
            + env(environment),
        s -> {
          s.setString(1, project);
          s.setLong(2, start);
          if (environment != null) {
            s.setString(3, environment);
          }
        },
        r -> {
          boolean ours = release.equals(r.getString(1));
          long n = r.getLong(2);
          sessions[0] += n;
          byte[] sketch = r.getBytes(3);
          if (ours) {
            sessions[1] += n;
          }
          if (sketch != null) {
            HllSketch h = HllSketch.heapify(sketch);
            all.update(h);
            if (ours) {
              mine.update(h);
            }
          }
          return null;
        });
    double users = mine.isEmpty() ? 0 : mine.getEstimate();
    double projectUsers = all.isEmpty() ? 0 : all.getEstimate();
    return new Adoption(
        start,
        end,
        sessions[1],
        sessions[0],
        sessions[0] == 0 ? null : (double) sessions[1] / sessions[0],
        users,
        projectUsers,
        projectUsers == 0 ? null : users / projectUsers);
  }

  /**
   * The time series of a release in buckets of {@code bucketMs} (a whole number of hours), aligned
   * to the epoch, from {@code from} (inclusive) to {@code to} (exclusive); empty buckets are
   * included with zero sessions. Users are HyperLogLog estimates (about 1.6 % error).
   */
  public List<Point> series(
      String project, String release, String environment, long bucketMs, long from, long to) {
    Map<Long, long[]> counts = new HashMap<>();
    Map<Long, Union[]> users = new HashMap<>();
    query(
        "SELECT hour, sessions, crashed, abnormal, errored, crash_events, users_sketch,"
            + " crashed_users_sketch FROM health_hour WHERE project_id = ? AND release = ?"
            + " AND hour >= ? AND hour < ?"
            + env(environment),
        s -> {
          s.setString(1, project);
          s.setString(2, release);
          s.setLong(3, from);
          s.setLong(4, to);
          if (environment != null) {
            s.setString(5, environment);
          }
        },
        r -> {
          long bucket = Math.floorDiv(r.getLong(1), bucketMs) * bucketMs;
          long[] c = counts.computeIfAbsent(bucket, b -> new long[5]);
          for (int i = 0; i < 5; i++) {
            c[i] += r.getLong(2 + i);
          }
          Union[] u =
              users.computeIfAbsent(
                  bucket, b -> new Union[] {new Union(Rollups.LG_K), new Union(Rollups.LG_K)});
          for (int i = 0; i < 2; i++) {
            byte[] sketch = r.getBytes(7 + i);
            if (sketch != null) {
              u[i].update(HllSketch.heapify(sketch));
            }
          }
          return null;
        });
    List<Point> points = new ArrayList<>();
    for (long b = Math.floorDiv(from, bucketMs) * bucketMs; b < to; b += bucketMs) {
      long[] c = counts.getOrDefault(b, new long[5]);
      Union[] u = users.get(b);
      double us = u == null || u[0].isEmpty() ? 0 : u[0].getEstimate();
      double cu = u == null || u[1].isEmpty() ? 0 : Math.min(us, u[1].getEstimate());
      points.add(
          new Point(
              b, new Counts(c[0], c[1], c[2], c[3], Math.round(us), Math.round(cu), c[4]), us, cu));
    }
    return points;
  }

  /** A page of a release's signatures and how many match in all. */
  public record SignaturePage(List<Signature> items, long total) {}

  /** The HAVING clause of a signature filter; {@code {baseline}} is the baseline's row. */
  private enum Filter {
    ALL(""),
    NEW_VS_BASELINE(" HAVING NOT EXISTS ({baseline})"),
    NEW_FIRST_SEEN(" HAVING MAX(s.first_release) = sr.release"),
    REGRESSED(" HAVING MAX(s.resolved_at) IS NOT NULL AND MAX(sr.last_seen) > MAX(s.resolved_at)"),
    CRASHING_NEW(" HAVING SUM(sr.crash_events) > 0 AND NOT EXISTS ({baseline})"),
    CRASHING_SHARED(" HAVING SUM(sr.crash_events) > 0 AND EXISTS ({baseline})");

    final String having;

    Filter(String having) {
      this.having = having;
    }

    boolean usesBaseline() {
      return having.contains("{baseline}");
    }
  }

  private static final String BASELINE_ROW =
      "SELECT 1 FROM signature_release b WHERE b.project_id = sr.project_id AND b.release = ?"
          + " AND b.fingerprint = sr.fingerprint";

  /**
   * A release's signatures with their status against the baseline (null: none), most crashes first;
   * {@code status} (null: any) filters. Only the page's rows are read and judged, except for the
   * statuses {@code spiking} and {@code ongoing}, which need every row judged.
   *
   * @param spikingFactor and {@code alpha} define "spiking" as the gate does
   */
  public SignaturePage signatures(
      String project,
      String release,
      String environment,
      String baseline,
      double spikingFactor,
      double alpha,
      String status,
      int limit,
      int offset) {
    Filter filter =
        status == null || status.equals("spiking") || status.equals("ongoing")
            ? Filter.ALL
            : status.equals("regressed")
                ? Filter.REGRESSED
                : baseline == null ? Filter.NEW_FIRST_SEEN : Filter.NEW_VS_BASELINE;
    boolean judgeAll = status != null && filter == Filter.ALL;
    List<Signature> rows =
        judged(
            project,
            release,
            environment,
            baseline,
            against(project, release, environment, baseline),
            spikingFactor,
            alpha,
            filter,
            judgeAll ? Integer.MAX_VALUE : limit,
            judgeAll ? 0 : offset);
    if (judgeAll) {
      List<Signature> matching = rows.stream().filter(r -> r.status().equals(status)).toList();
      int end = (int) Math.min(matching.size(), (long) offset + limit);
      return new SignaturePage(
          offset >= matching.size() ? List.of() : matching.subList(offset, end), matching.size());
    }
    if (status != null) {
      // "new" excludes what is regressed; the SQL filter cannot see the judged status
      rows = rows.stream().filter(r -> r.status().equals(status)).toList();
    }
    return new SignaturePage(rows, count(project, release, environment, baseline, filter));
  }

  /** What judging signatures against a baseline needs once per request: sessions, shared count. */
  private record Against(long candidateSessions, long baselineSessions, long shared) {}

  private Against against(String project, String release, String environment, String baseline) {
    if (baseline == null) {
      return new Against(0, 0, 0);
    }
    return new Against(
        totals(project, release, environment).map(t -> t.counts().sessions()).orElse(0L),
        totals(project, baseline, environment).map(t -> t.counts().sessions()).orElse(0L),
        count(project, release, environment, baseline, Filter.CRASHING_SHARED));
  }

  /** Rows of the filter, most crashes first, judged against the baseline. */
  private List<Signature> judged(
      String project,
      String release,
      String environment,
      String baseline,
      Against against,
      double spikingFactor,
      double alpha,
      Filter filter,
      int limit,
      int offset) {
    List<Object[]> rows = rows(project, release, environment, baseline, filter, limit, offset);
    Map<String, long[]> base = new HashMap<>();
    long n1 = against.candidateSessions();
    long n0 = against.baselineSessions();
    long shared = against.shared();
    if (baseline != null && !rows.isEmpty()) {
      StringBuilder in = new StringBuilder();
      for (int i = 0; i < rows.size(); i++) {
        in.append(i == 0 ? "?" : ",?");
      }
      query(
          "SELECT fingerprint, SUM(events), SUM(crash_events) FROM signature_release"
              + " WHERE project_id = ? AND release = ?"
              + env(environment)
              + " AND fingerprint IN ("
              + in
              + ") GROUP BY fingerprint",
          s -> {
            int i = bindAll(s, 1, project, baseline, environment);
            for (Object[] o : rows) {
              s.setString(i++, (String) o[0]);
            }
          },
          r -> base.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)}));
    }
    double perSignature = alpha / Math.max(1, shared);
    List<Signature> out = new ArrayList<>(rows.size());
    for (Object[] o : rows) {
      String fp = (String) o[0];
      long crashEvents = (long) o[4];
      long lastSeen = (long) o[7];
      Long resolvedAt = (Long) o[9];
      long[] b = base.get(fp);
      String status;
      if (resolvedAt != null && lastSeen > resolvedAt) {
        status = "regressed";
      } else if (baseline != null ? b == null : release.equals(o[8])) {
        status = "new";
      } else if (b != null
          && SpikingSignaturesRule.spiking(
              crashEvents, n1, b[1], n0, spikingFactor, perSignature)) {
        status = "spiking";
      } else {
        status = "ongoing";
      }
      out.add(
          new Signature(
              fp,
              (String) o[1],
              status,
              (long) o[2],
              (long) o[3],
              crashEvents,
              crashEvents,
              (long) o[5],
              (long) o[6],
              lastSeen,
              (String) o[8],
              resolvedAt,
              (String) o[10],
              b == null ? 0 : b[0],
              b == null ? 0 : b[1]));
    }
    return out;
  }

  private String signatureSql(String environment, Filter filter) {
    return "SELECT sr.fingerprint, MAX(s.title), SUM(sr.events), SUM(sr.dropped_events),"
        + " SUM(sr.crash_events), SUM(sr.users), MIN(sr.first_seen), MAX(sr.last_seen),"
        + " MAX(s.first_release), MAX(s.resolved_at), MAX(s.resolved_release)"
        + " FROM signature_release sr"
        + " JOIN signature s ON s.project_id = sr.project_id AND s.fingerprint = sr.fingerprint"
        + " WHERE sr.project_id = ? AND sr.release = ?"
        + (environment == null ? "" : " AND sr.environment = ?")
        + " GROUP BY sr.project_id, sr.fingerprint, sr.release"
        + filter.having.replace(
            "{baseline}", BASELINE_ROW + (environment == null ? "" : " AND b.environment = ?"));
  }

  private int bindFilter(
      PreparedStatement s,
      String project,
      String release,
      String environment,
      String baseline,
      Filter filter)
      throws SQLException {
    int i = bindAll(s, 1, project, release, environment);
    if (filter.usesBaseline()) {
      s.setString(i++, baseline);
      if (environment != null) {
        s.setString(i++, environment);
      }
    }
    return i;
  }

  private List<Object[]> rows(
      String project,
      String release,
      String environment,
      String baseline,
      Filter filter,
      int limit,
      int offset) {
    return query(
        signatureSql(environment, filter)
            + " ORDER BY SUM(sr.crash_events) DESC, SUM(sr.events) DESC, sr.fingerprint"
            + " LIMIT ? OFFSET ?",
        s -> {
          int i = bindFilter(s, project, release, environment, baseline, filter);
          s.setInt(i++, limit);
          s.setInt(i, offset);
        },
        r ->
            new Object[] {
              r.getString(1),
              r.getString(2),
              r.getLong(3),
              r.getLong(4),
              r.getLong(5),
              r.getLong(6),
              r.getLong(7),
              r.getLong(8),
              r.getString(9),
              r.getObject(10) == null ? null : r.getLong(10),
              r.getString(11)
            });
  }

  /**
   * How many signatures of the release match the filter: one pass over the release's rows, with no
   * join and no grouping (distinct fingerprints, as a signature has a row per environment).
   */
  private long count(
      String project, String release, String environment, String baseline, Filter filter) {
    String where =
        switch (filter) {
          case ALL -> "";
          case NEW_VS_BASELINE -> " AND NOT EXISTS ({baseline})";
          case CRASHING_NEW -> " AND sr.crash_events > 0 AND NOT EXISTS ({baseline})";
          case CRASHING_SHARED -> " AND sr.crash_events > 0 AND EXISTS ({baseline})";
          case NEW_FIRST_SEEN ->
              " AND EXISTS (SELECT 1 FROM signature s WHERE s.project_id = sr.project_id"
                  + " AND s.fingerprint = sr.fingerprint AND s.first_release = sr.release)";
          case REGRESSED ->
              " AND EXISTS (SELECT 1 FROM signature s WHERE s.project_id = sr.project_id"
                  + " AND s.fingerprint = sr.fingerprint AND s.resolved_at IS NOT NULL"
                  + " AND sr.last_seen > s.resolved_at)";
        };
    String sql =
        "SELECT COUNT(DISTINCT sr.fingerprint) FROM signature_release sr"
            + " WHERE sr.project_id = ? AND sr.release = ?"
            + (environment == null ? "" : " AND sr.environment = ?")
            + where.replace(
                "{baseline}", BASELINE_ROW + (environment == null ? "" : " AND b.environment = ?"));
    return query(
            sql,
            s -> bindFilter(s, project, release, environment, baseline, filter),
            r -> r.getLong(1))
        .get(0);
  }

  private static int bindAll(
      PreparedStatement s, int from, String project, String release, String environment)
      throws SQLException {
    int i = from;
    s.setString(i++, project);
    s.setString(i++, release);
    if (environment != null) {
      s.setString(i++, environment);
    }
    return i;
  }

  /** The latest events of a signature in a release (bodies are stored scrubbed). */
  public List<SampleEvent> samples(String project, String release, String fingerprint, int limit) {
    return query(
        "SELECT event_id, received_at, level, crash, platform, os, device, body FROM event"
            + " WHERE project_id = ? AND fingerprint = ? AND release = ?"
            + " ORDER BY received_at DESC, event_id LIMIT ?",
        s -> {
          s.setString(1, project);
          s.setString(2, fingerprint);
          s.setString(3, release);
          s.setInt(4, limit);
        },
        r ->
            new SampleEvent(
                r.getString(1),
                r.getLong(2),
                r.getString(3),
                r.getInt(4) == 1,
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8)));
  }

  /** The release seen before the candidate (latest first-seen before the candidate's). */
  public Optional<String> previousRelease(String project, String candidate, String environment) {
    Optional<Release> c = totals(project, candidate, environment);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    return releases(project, environment).stream()
        .filter(r -> !r.release().equals(candidate) && r.firstSeen() < c.get().firstSeen())
        .max(Comparator.comparingLong(Release::firstSeen))
        .map(Release::release);
  }

  /** Marks a signature resolved now (in {@code release}, when named); false when unknown. */
  public boolean resolve(String project, String fingerprint, String release) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE signature SET resolved_at = ?, resolved_release = ? WHERE project_id = ?"
                    + " AND fingerprint = ?")) {
      s.setLong(1, clock.millis());
      s.setString(2, release);
      s.setString(3, project);
      s.setString(4, fingerprint);
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot resolve signature " + fingerprint + ": " + e.getMessage(), e);
    }
  }

  /** New signatures judged one by one, at most; the rule needs the largest and their count. */
  static final int GATE_NEW_SIGNATURES = 50;

  /** Shared signatures checked for spikes: the most crashing ones. */
  static final int GATE_SHARED_SIGNATURES = 200;

  /** What the gate judges, for a candidate against a baseline (null: none). */
  public GateInput gateInput(
      String project,
      String candidate,
      String baseline,
      String environment,
      double spikingFactor,
      double alpha) {
    Counts c = totals(project, candidate, environment).map(Release::counts).orElse(Counts.NONE);
    GateInput.Health baselineHealth = null;
    if (baseline != null) {
      Counts b = totals(project, baseline, environment).map(Release::counts).orElse(Counts.NONE);
      baselineHealth = health(b);
    }
    Filter fresh = baseline == null ? Filter.NEW_FIRST_SEEN : Filter.CRASHING_NEW;
    Against against = against(project, candidate, environment, baseline);
    List<GateInput.SignatureCount> news =
        judged(
                project,
                candidate,
                environment,
                baseline,
                against,
                spikingFactor,
                alpha,
                fresh,
                GATE_NEW_SIGNATURES,
                0)
            .stream()
            .filter(s -> s.crashEvents() > 0)
            .map(s -> new GateInput.SignatureCount(s.fingerprint(), s.title(), s.crashEvents()))
            .toList();
    long newCount = count(project, candidate, environment, baseline, fresh);
    List<GateInput.SignaturePair> shared = List.of();
    long sharedCount = 0;
    if (baseline != null) {
      shared =
          judged(
                  project,
                  candidate,
                  environment,
                  baseline,
                  against,
                  spikingFactor,
                  alpha,
                  Filter.CRASHING_SHARED,
                  GATE_SHARED_SIGNATURES,
                  0)
              .stream()
              .map(
                  s ->
                      new GateInput.SignaturePair(
                          s.fingerprint(), s.title(), s.crashEvents(), s.baselineCrashEvents()))
              .toList();
      sharedCount = against.shared();
    }
    List<GateInput.SignatureCount> regressed =
        judged(
                project,
                candidate,
                environment,
                baseline,
                against,
                spikingFactor,
                alpha,
                Filter.REGRESSED,
                1000,
                0)
            .stream()
            .map(s -> new GateInput.SignatureCount(s.fingerprint(), s.title(), s.crashEvents()))
            .toList();
    return new GateInput(
        candidate,
        baseline,
        health(c),
        baselineHealth,
        groups(project, candidate, environment, "platform", 0).stream()
            .map(HealthQueries::group)
            .toList(),
        groups(project, candidate, environment, "device", 0).stream()
            .map(HealthQueries::group)
            .toList(),
        news,
        Math.max(newCount, news.size()),
        shared,
        Math.max(sharedCount, shared.size()),
        regressed);
  }

  private static GateInput.Health health(Counts c) {
    long sessions = c.sessions();
    long users = c.users();
    return new GateInput.Health(
        sessions, Math.min(c.crashed(), sessions), users, Math.min(c.crashedUsers(), users));
  }

  private static GateInput.Group group(Group g) {
    return new GateInput.Group(
        g.value(), g.counts().sessions(), Math.min(g.counts().crashed(), g.counts().sessions()));
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private interface Mapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static void bind(PreparedStatement s, String project, String environment)
      throws SQLException {
    s.setString(1, project);
    if (environment != null) {
      s.setString(2, environment);
    }
  }

  private static void bind(PreparedStatement s, String project, String release, String environment)
      throws SQLException {
    s.setString(1, project);
    s.setString(2, release);
    if (environment != null) {
      s.setString(3, environment);
    }
  }

  private <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<T> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(mapper.map(r));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("release health read failed: " + e.getMessage(), e);
    }
  }
}
