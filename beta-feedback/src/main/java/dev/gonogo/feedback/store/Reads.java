package dev.gonogo.feedback.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the read API shows of ingested data, in SQL both SQLite and PostgreSQL run. Every list is
 * paged ({@link Page}); a page asks for one row more than it returns to know whether more follow.
 */
public final class Reads {
  private final DataSource dataSource;

  public Reads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A page request: at most {@code limit} rows after skipping {@code offset}. */
  public record Page(int limit, int offset) {
    public Page {
      if (limit < 1 || offset < 0) {
        throw new IllegalArgumentException("limit >= 1 and offset >= 0 required");
      }
    }
  }

  /** Rows of a page and the offset of the next page, empty on the last. */
  public record Paged<T>(List<T> items, Optional<Integer> nextOffset) {
    public Paged {
      items = List.copyOf(items);
    }
  }

  /** Optional filters; null means any. */
  public record EventFilter(
      String release, String environment, String fingerprint, Boolean crash) {}

  public record EventRow(
      String eventId,
      long receivedAt,
      long occurredAt,
      String release,
      String environment,
      String platform,
      String level,
      boolean crash,
      String fingerprint,
      String title,
      String userId) {}

  public record EventDetail(
      EventRow event, String body, List<FeedbackRow> feedback, List<AttachmentRow> attachments) {}

  public record FeedbackRow(
      String feedbackId,
      String eventId,
      String name,
      String email,
      String message,
      long receivedAt) {}

  public record AttachmentRow(
      String attachmentId,
      String eventId,
      String filename,
      String contentType,
      long size,
      long receivedAt) {}

  public record AttachmentBody(AttachmentRow attachment, byte[] body) {}

  /**
   * A signature with its counts over the filtered releases.
   *
   * @param events every event counted, stored or not
   * @param droppedEvents events past a rate limit, counted but not stored
   */
  public record SignatureRow(
      String fingerprint,
      String title,
      String firstRelease,
      long firstSeen,
      long lastSeen,
      long events,
      long droppedEvents) {}

  /** Per release and environment of one signature. */
  public record SignatureReleaseRow(
      String release,
      String environment,
      long events,
      long droppedEvents,
      long firstSeen,
      long lastSeen) {}

  /**
   * Session counts of one release and environment: individual sessions by latest status, plus
   * pre-aggregated ({@code sessions} items) counts.
   */
  public record SessionCounts(
      String release,
      String environment,
      long total,
      long ok,
      long exited,
      long errored,
      long abnormal,
      long crashed,
      long distinctIds) {}

  public record ClientReportRow(String reason, String category, long quantity) {}

  public Paged<EventRow> events(String project, EventFilter filter, Page page) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT event_id, received_at, occurred_at, release, environment, platform, level,"
                + " crash, fingerprint, title, user_id FROM event WHERE project_id = ?");
    List<Object> args = new ArrayList<>(List.of(project));
    where(sql, args, "release", filter.release());
    where(sql, args, "environment", filter.environment());
    where(sql, args, "fingerprint", filter.fingerprint());
    if (filter.crash() != null) {
      where(sql, args, "crash", filter.crash() ? 1 : 0);
    }
    sql.append(" ORDER BY received_at DESC, event_id DESC");
    return page(sql, args, page, Reads::eventRow);
  }

  public Optional<EventDetail> event(String project, String eventId) {
    record WithBody(EventRow row, String body) {}
    List<WithBody> rows =
        query(
            "SELECT event_id, received_at, occurred_at, release, environment, platform, level,"
                + " crash, fingerprint, title, user_id, body FROM event"
                + " WHERE project_id = ? AND event_id = ?",
            List.of(project, eventId),
            r -> new WithBody(eventRow(r), r.getString(12)));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EventDetail(
            rows.get(0).row(),
            rows.get(0).body(),
            feedback(project, eventId, new Page(100, 0)).items(),
            query(
                "SELECT attachment_id, event_id, filename, content_type, size, received_at"
                    + " FROM attachment WHERE project_id = ? AND event_id = ?"
                    + " ORDER BY received_at, attachment_id",
                List.of(project, eventId),
                Reads::attachmentRow)));
  }

  public Paged<FeedbackRow> feedback(String project, String eventId, Page page) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT feedback_id, event_id, name, email, message, received_at FROM feedback"
                + " WHERE project_id = ?");
    List<Object> args = new ArrayList<>(List.of(project));
    where(sql, args, "event_id", eventId);
    sql.append(" ORDER BY received_at DESC, feedback_id");
    return page(
        sql,
        args,
        page,
        r ->
            new FeedbackRow(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getLong(6)));
  }

  public Optional<AttachmentBody> attachment(String project, String attachmentId) {
    List<AttachmentBody> rows =
        query(
            "SELECT attachment_id, event_id, filename, content_type, size, received_at, body"
                + " FROM attachment WHERE project_id = ? AND attachment_id = ?",
            List.of(project, attachmentId),
            r -> new AttachmentBody(attachmentRow(r), r.getBytes(7)));
    return rows.stream().findFirst();
  }

  private static final String SIGNATURES =
      "SELECT s.fingerprint, s.title, s.first_release, s.first_seen, s.last_seen,"
          + " SUM(r.events), SUM(r.dropped_events) FROM signature s"
          + " JOIN signature_release r ON r.project_id = s.project_id"
          + " AND r.fingerprint = s.fingerprint WHERE s.project_id = ?";
  private static final String SIGNATURES_GROUP =
      " GROUP BY s.fingerprint, s.title, s.first_release, s.first_seen, s.last_seen";

  /** Signatures ordered by events counted, most first, over the filtered releases. */
  public Paged<SignatureRow> signatures(
      String project, String release, String environment, Page page) {
    StringBuilder sql = new StringBuilder(SIGNATURES);
    List<Object> args = new ArrayList<>(List.of(project));
    where(sql, args, "r.release", release);
    where(sql, args, "r.environment", environment);
    sql.append(SIGNATURES_GROUP).append(" ORDER BY SUM(r.events) DESC, s.fingerprint");
    return page(sql, args, page, Reads::signatureRow);
  }

  public Optional<SignatureRow> signature(String project, String fingerprint) {
    return query(
            SIGNATURES + " AND s.fingerprint = ?" + SIGNATURES_GROUP,
            List.of(project, fingerprint),
            Reads::signatureRow)
        .stream()
        .findFirst();
  }

  public List<SignatureReleaseRow> signatureReleases(String project, String fingerprint) {
    return query(
        "SELECT release, environment, events, dropped_events, first_seen, last_seen"
            + " FROM signature_release WHERE project_id = ? AND fingerprint = ?"
            + " ORDER BY first_seen, release, environment",
        List.of(project, fingerprint),
        r ->
            new SignatureReleaseRow(
                r.getString(1),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5),
                r.getLong(6)));
  }

  /**
   * Session counts per release and environment; {@code release}/{@code environment} null for all.
   * Distinct ids count individual sessions' {@code did} and aggregate buckets' {@code did}.
   */
  public List<SessionCounts> sessions(String project, String release, String environment) {
    StringBuilder filter = new StringBuilder(" WHERE project_id = ?");
    List<Object> args = new ArrayList<>(List.of(project));
    where(filter, args, "release", release);
    where(filter, args, "environment", environment);
    List<Object> twice = new ArrayList<>(args);
    twice.addAll(args);
    String sql =
        "SELECT release, environment, SUM(total), SUM(ok), SUM(exited), SUM(errored),"
            + " SUM(abnormal), SUM(crashed), COUNT(DISTINCT did) FROM ("
            + " SELECT release, environment, did, 1 AS total,"
            + " CASE WHEN status = 'ok' THEN 1 ELSE 0 END AS ok,"
            + " CASE WHEN status = 'exited' THEN 1 ELSE 0 END AS exited,"
            + " CASE WHEN status = 'errored' THEN 1 ELSE 0 END AS errored,"
            + " CASE WHEN status = 'abnormal' THEN 1 ELSE 0 END AS abnormal,"
            + " CASE WHEN status = 'crashed' THEN 1 ELSE 0 END AS crashed FROM session"
            + filter
            + " UNION ALL SELECT release, environment, did,"
            + " exited + errored + abnormal + crashed, 0, exited, errored, abnormal, crashed"
            + " FROM session_aggregate"
            + filter
            + ") counted GROUP BY release, environment ORDER BY release, environment";
    return query(
        sql,
        twice,
        r ->
            new SessionCounts(
                r.getString(1),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5),
                r.getLong(6),
                r.getLong(7),
                r.getLong(8),
                r.getLong(9)));
  }

  public List<ClientReportRow> clientReports(String project) {
    return query(
        "SELECT reason, category, SUM(quantity) FROM client_report WHERE project_id = ?"
            + " GROUP BY reason, category ORDER BY reason, category",
        List.of(project),
        r -> new ClientReportRow(r.getString(1), r.getString(2), r.getLong(3)));
  }

  /** Counts of what is stored for a project, by table: for operators and tests. */
  public Map<String, Long> counts(String project) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "event",
            "signature",
            "session",
            "session_aggregate",
            "feedback",
            "attachment",
            "client_report")) {
      counts.put(
          table,
          query(
                  "SELECT COUNT(*) FROM " + table + " WHERE project_id = ?",
                  List.of(project),
                  r -> r.getLong(1))
              .get(0));
    }
    return counts;
  }

  // --- plumbing ---

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  private static void where(StringBuilder sql, List<Object> args, String column, Object value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private <T> Paged<T> page(StringBuilder sql, List<Object> args, Page page, RowMapper<T> mapper) {
    sql.append(" LIMIT ? OFFSET ?");
    args.add(page.limit() + 1);
    args.add(page.offset());
    List<T> rows = query(sql.toString(), args, mapper);
    if (rows.size() > page.limit()) {
      return new Paged<>(rows.subList(0, page.limit()), Optional.of(page.offset() + page.limit()));
    }
    return new Paged<>(rows, Optional.empty());
  }

  private <T> List<T> query(String sql, List<Object> args, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (r.next()) {
          rows.add(mapper.map(r));
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new StoreException("the store could not be read: " + e.getMessage(), e);
    }
  }

  private static EventRow eventRow(ResultSet r) throws SQLException {
    return new EventRow(
        r.getString(1),
        r.getLong(2),
        r.getLong(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getInt(8) != 0,
        r.getString(9),
        r.getString(10),
        r.getString(11));
  }

  private static SignatureRow signatureRow(ResultSet r) throws SQLException {
    return new SignatureRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getLong(4),
        r.getLong(5),
        r.getLong(6),
        r.getLong(7));
  }

  private static AttachmentRow attachmentRow(ResultSet r) throws SQLException {
    return new AttachmentRow(
        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getLong(6));
  }
}
