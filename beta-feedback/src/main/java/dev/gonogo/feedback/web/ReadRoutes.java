package dev.gonogo.feedback.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.store.Reads;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read API of ingested data, under {@code /api/v1/projects/{project}/}; the admin token is
 * required. Lists are paged with {@code limit} (1-500, default 50) and {@code offset}; a page
 * answers {@code next} with the offset of the following page, or null on the last.
 */
public final class ReadRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LIMIT = 500;
  private static final int DEFAULT_LIMIT = 50;

  private final Projects projects;
  private final Reads reads;

  public ReadRoutes(Projects projects, Reads reads) {
    this.projects = projects;
    this.reads = reads;
  }

  /** {@code GET events?release&environment&signature&crash&limit&offset}, newest first. */
  public void events(Context ctx) {
    String project = project(ctx);
    Reads.EventFilter filter =
        new Reads.EventFilter(
            ctx.queryParam("release"),
            ctx.queryParam("environment"),
            ctx.queryParam("signature"),
            bool(ctx, "crash"));
    paged(ctx, reads.events(project, filter, page(ctx)), ReadRoutes::event);
  }

  /** {@code GET events/{eventId}}: the stored (scrubbed) event, its feedback and attachments. */
  public void event(Context ctx) {
    String project = project(ctx);
    String eventId = ctx.pathParam("eventId").replace("-", "").toLowerCase(java.util.Locale.ROOT);
    Reads.EventDetail detail =
        reads
            .event(project, eventId)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "unknown_event",
                        "no event " + eventId + " in project " + project,
                        "eventId"));
    Map<String, Object> body = event(detail.event());
    body.put("body", storedBody(detail.body()));
    body.put("feedback", detail.feedback().stream().map(ReadRoutes::feedback).toList());
    body.put("attachments", detail.attachments().stream().map(ReadRoutes::attachment).toList());
    ctx.json(body);
  }

  /** {@code GET signatures?release&environment&limit&offset}, most events first. */
  public void signatures(Context ctx) {
    String project = project(ctx);
    paged(
        ctx,
        reads.signatures(
            project, ctx.queryParam("release"), ctx.queryParam("environment"), page(ctx)),
        ReadRoutes::signature);
  }

  /** {@code GET signatures/{fingerprint}}: counts per release and the latest events. */
  public void signature(Context ctx) {
    String project = project(ctx);
    String fingerprint = ctx.pathParam("fingerprint");
    Reads.SignatureRow row =
        reads
            .signature(project, fingerprint)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "unknown_signature",
                        "no signature " + fingerprint + " in project " + project,
                        "fingerprint"));
    Map<String, Object> body = signature(row);
    body.put(
        "releases",
        reads.signatureReleases(project, fingerprint).stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("release", r.release());
                  m.put("environment", r.environment());
                  m.put("events", r.events());
                  m.put("droppedEvents", r.droppedEvents());
                  m.put("firstSeen", r.firstSeen());
                  m.put("lastSeen", r.lastSeen());
                  return m;
                })
            .toList());
    body.put(
        "latestEvents",
        reads
            .events(
                project, new Reads.EventFilter(null, null, fingerprint, null), new Reads.Page(5, 0))
            .items()
            .stream()
            .map(ReadRoutes::event)
            .toList());
    ctx.json(body);
  }

  /** {@code GET sessions?release&environment}: session counts per release and environment. */
  public void sessions(Context ctx) {
    String project = project(ctx);
    List<Map<String, Object>> rows =
        reads.sessions(project, ctx.queryParam("release"), ctx.queryParam("environment")).stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("release", c.release());
                  m.put("environment", c.environment());
                  m.put("total", c.total());
                  m.put("ok", c.ok());
                  m.put("exited", c.exited());
                  m.put("errored", c.errored());
                  m.put("abnormal", c.abnormal());
                  m.put("crashed", c.crashed());
                  m.put("distinctIds", c.distinctIds());
                  return m;
                })
            .toList();
    ctx.json(Map.of("releases", rows));
  }

  /** {@code GET feedback?eventId&limit&offset}, newest first. */
  public void feedbackList(Context ctx) {
    String project = project(ctx);
    paged(ctx, reads.feedback(project, ctx.queryParam("eventId"), page(ctx)), ReadRoutes::feedback);
  }

  /** {@code GET attachments/{attachmentId}}: the file as it was sent. */
  public void attachmentBody(Context ctx) {
    String project = project(ctx);
    String id = ctx.pathParam("attachmentId");
    Reads.AttachmentBody attachment =
        reads
            .attachment(project, id)
            .orElseThrow(
                () ->
                    new ApiException(
                        404, "unknown_attachment", "no attachment " + id, "attachmentId"));
    ctx.contentType(
        attachment.attachment().contentType() == null
            ? "application/octet-stream"
            : attachment.attachment().contentType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + attachment.attachment().filename().replace("\"", "") + "\"");
    ctx.result(attachment.body());
  }

  /** {@code GET client-reports}: what SDKs said they discarded, by reason and category. */
  public void clientReports(Context ctx) {
    String project = project(ctx);
    ctx.json(
        Map.of(
            "discarded",
            reads.clientReports(project).stream()
                .map(
                    r ->
                        Map.of(
                            "reason",
                            r.reason(),
                            "category",
                            r.category(),
                            "quantity",
                            r.quantity()))
                .toList()));
  }

  /** {@code GET stats}: rows stored per kind, for operators and tests. */
  public void stats(Context ctx) {
    ctx.json(Map.of("stored", reads.counts(project(ctx))));
  }

  // --- views ---

  private static Map<String, Object> event(Reads.EventRow e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("eventId", e.eventId());
    m.put("receivedAt", e.receivedAt());
    m.put("occurredAt", e.occurredAt());
    m.put("release", e.release());
    m.put("environment", e.environment());
    m.put("platform", e.platform());
    m.put("level", e.level());
    m.put("crash", e.crash());
    m.put("signature", e.fingerprint());
    m.put("title", e.title());
    m.put("userId", e.userId());
    return m;
  }

  private static Map<String, Object> signature(Reads.SignatureRow s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", s.fingerprint());
    m.put("title", s.title());
    m.put("firstRelease", s.firstRelease());
    m.put("firstSeen", s.firstSeen());
    m.put("lastSeen", s.lastSeen());
    m.put("events", s.events());
    m.put("storedEvents", s.events() - s.droppedEvents());
    m.put("droppedEvents", s.droppedEvents());
    return m;
  }

  private static Map<String, Object> feedback(Reads.FeedbackRow f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("feedbackId", f.feedbackId());
    m.put("eventId", f.eventId());
    m.put("name", f.name());
    m.put("email", f.email());
    m.put("message", f.message());
    m.put("receivedAt", f.receivedAt());
    return m;
  }

  private static Map<String, Object> attachment(Reads.AttachmentRow a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attachmentId", a.attachmentId());
    m.put("filename", a.filename());
    m.put("contentType", a.contentType());
    m.put("size", a.size());
    m.put("receivedAt", a.receivedAt());
    return m;
  }

  // --- parameters ---

  private String project(Context ctx) {
    return ProjectRoutes.requireProject(projects, ctx.pathParam("project")).id();
  }

  private static <T> void paged(
      Context ctx, Reads.Paged<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(view).toList());
    body.put("next", page.nextOffset().orElse(null));
    ctx.json(body);
  }

  static Reads.Page page(Context ctx) {
    int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = integer(ctx, "offset", 0, 0, Integer.MAX_VALUE - MAX_LIMIT - 1);
    return new Reads.Page(limit, offset);
  }

  private static int integer(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "query parameter '"
              + name
              + "' must be a whole number from "
              + min
              + " to "
              + max
              + ", was '"
              + raw
              + "'",
          name);
    }
  }

  private static Boolean bool(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ApiException(
              400,
              "invalid_parameter",
              "query parameter '" + name + "' must be true or false, was '" + raw + "'",
              name);
    };
  }

  /** A stored (scrubbed) event body as JSON; stored bodies were written as JSON. */
  static JsonNode storedBody(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored event body is not JSON", e);
    }
  }
}
