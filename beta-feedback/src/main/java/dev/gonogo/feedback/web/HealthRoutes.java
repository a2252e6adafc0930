package dev.gonogo.feedback.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.Gate;
import dev.gonogo.feedback.gate.GateResult;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.PolicyFile;
import dev.gonogo.feedback.health.Counts;
import dev.gonogo.feedback.health.HealthQueries;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.store.Reads;
import dev.gonogo.feedback.store.internal.Rollups;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Release health and the crash gate under {@code /api/v1/projects/{project}/releases}; the admin
 * token is required.
 */
public final class HealthRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> STATUSES = Set.of("new", "regressed", "spiking", "ongoing");
  private static final int MAX_POINTS = 5000;
  private static final int MAX_SAMPLES = 20;

  private final Projects projects;
  private final HealthQueries health;
  private final Policy policy;
  private final Clock clock;

  public HealthRoutes(Projects projects, HealthQueries health, Policy policy, Clock clock) {
    this.projects = projects;
    this.health = health;
    this.policy = policy;
    this.clock = clock;
  }

  /** {@code GET releases?environment}: every release with sessions or crashes, latest first. */
  public void releases(Context ctx) {
    String project = project(ctx);
    String env = ctx.queryParam("environment");
    List<Map<String, Object>> items = new ArrayList<>();
    for (HealthQueries.Release r : health.releases(project, env)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("release", r.release());
      m.put("firstSeen", r.firstSeen());
      m.put("lastSeen", r.lastSeen());
      m.putAll(counts(r.counts()));
      items.add(m);
    }
    ctx.json(Map.of("items", items));
  }

  /** {@code GET releases/{release}/health?environment}: totals, breakdowns, adoption. */
  public void health(Context ctx) {
    String project = project(ctx);
    String release = ctx.pathParam("release");
    String env = ctx.queryParam("environment");
    HealthQueries.Health h =
        health
            .health(project, release, env, 50)
            .orElseThrow(() -> unknownRelease(release, project, "release"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("release", release);
    body.put("environment", env);
    body.put("firstSeen", h.release().firstSeen());
    body.put("lastSeen", h.release().lastSeen());
    body.putAll(counts(h.release().counts()));
    body.put("signatures", h.signatures());
    body.put("adoption", h.adoption());
    Map<String, Object> breakdown = new LinkedHashMap<>();
    h.breakdown()
        .forEach(
            (dimension, groups) ->
                breakdown.put(
                    camel(dimension),
                    groups.stream()
                        .map(
                            g -> {
                              Map<String, Object> m = new LinkedHashMap<>();
                              m.put("value", g.value().isEmpty() ? null : g.value());
                              m.putAll(counts(g.counts()));
                              return m;
                            })
                        .toList()));
    body.put("breakdown", breakdown);
    ctx.json(body);
  }

  /** {@code GET releases/{release}/health/series?environment&bucket&from&to}. */
  public void series(Context ctx) {
    String project = project(ctx);
    String release = ctx.pathParam("release");
    String env = ctx.queryParam("environment");
    HealthQueries.Release totals =
        health
            .totals(project, release, env)
            .orElseThrow(() -> unknownRelease(release, project, "release"));
    long bucket = bucket(ctx.queryParam("bucket"));
    // By default: from a day before the release was first received (sessions are bucketed by
    // their start, which a client may report late) to now.
    long from =
        instant(
            ctx,
            "from",
            Math.floorDiv(totals.firstSeen() - 24 * Rollups.HOUR, Rollups.HOUR) * Rollups.HOUR);
    long to = instant(ctx, "to", Math.max(clock.millis(), totals.lastSeen()) + 1);
    if (to <= from) {
      throw new ApiException(
          400, "invalid_parameter", "query parameter 'to' must be after 'from'", "to");
    }
    if ((to - from) / bucket > MAX_POINTS) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "from..to holds more than "
              + MAX_POINTS
              + " buckets of "
              + Duration.ofMillis(bucket)
              + "; use a larger 'bucket' or a shorter range",
          "bucket");
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (HealthQueries.Point p : health.series(project, release, env, bucket, from, to)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", p.start());
      m.putAll(counts(p.counts()));
      points.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("release", release);
    body.put("environment", env);
    body.put("bucket", Duration.ofMillis(bucket).toString());
    body.put("from", from);
    body.put("to", to);
    body.put("usersAreEstimates", true);
    body.put("points", points);
    ctx.json(body);
  }

  /** {@code GET releases/{release}/signatures?environment&baseline&status&limit&offset}. */
  public void signatures(Context ctx) {
    String project = project(ctx);
    String release = ctx.pathParam("release");
    String env = ctx.queryParam("environment");
    String status = ctx.queryParam("status");
    if (status != null && !STATUSES.contains(status)) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "query parameter 'status' must be one of new, regressed, spiking, ongoing, was '"
              + status
              + "'",
          "status");
    }
    String baseline = baseline(ctx, project, release, env);
    Reads.Page page = ReadRoutes.page(ctx);
    HealthQueries.SignaturePage result =
        health.signatures(
            project,
            release,
            env,
            baseline,
            policy.spikingFactor(),
            policy.alpha(),
            status,
            page.limit(),
            page.offset());
    long end = page.offset() + result.items().size();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("release", release);
    body.put("baseline", baseline);
    body.put("total", result.total());
    body.put("items", result.items());
    body.put("next", end < result.total() ? end : null);
    ctx.json(body);
  }

  /** {@code GET releases/{release}/signatures/{fingerprint}/events?limit}: latest events. */
  public void samples(Context ctx) {
    String project = project(ctx);
    String release = ctx.pathParam("release");
    String fingerprint = ctx.pathParam("fingerprint");
    int limit = Math.min(MAX_SAMPLES, ReadRoutes.page(ctx).limit());
    if (ctx.queryParam("limit") == null) {
      limit = 3;
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (HealthQueries.SampleEvent e : health.samples(project, release, fingerprint, limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("eventId", e.eventId());
      m.put("receivedAt", e.receivedAt());
      m.put("level", e.level());
      m.put("crash", e.crash());
      m.put("platform", e.platform());
      m.put("os", e.os().isEmpty() ? null : e.os());
      m.put("device", e.device().isEmpty() ? null : e.device());
      JsonNode body = ReadRoutes.storedBody(e.body());
      m.put("exception", body.path("exception").path("values"));
      m.put("body", body);
      items.add(m);
    }
    ctx.json(Map.of("release", release, "fingerprint", fingerprint, "items", items));
  }

  /** {@code POST signatures/{fingerprint}/resolve} with optional {@code {"release": ...}}. */
  public void resolve(Context ctx) {
    String project = project(ctx);
    String fingerprint = ctx.pathParam("fingerprint");
    String release = null;
    if (!ctx.body().isBlank()) {
      JsonNode body;
      try {
        body = JSON.readTree(ctx.body());
      } catch (JsonProcessingException e) {
        throw new ApiException(
            400, "invalid_json", "the body is not JSON: " + e.getOriginalMessage());
      }
      JsonNode r = body.get("release");
      if (r != null && !r.isNull()) {
        if (!r.isTextual() || r.asText().isBlank()) {
          throw new ApiException(
              400, "invalid_parameter", "field 'release' must be a non-empty string", "release");
        }
        release = r.asText();
      }
    }
    if (!health.resolve(project, fingerprint, release)) {
      throw new ApiException(
          404,
          "unknown_signature",
          "no signature " + fingerprint + " in project " + project,
          "fingerprint");
    }
    ctx.json(
        Map.of(
            "fingerprint",
            fingerprint,
            "resolved",
            true,
            "release",
            release == null ? "" : release));
  }

  /** {@code GET releases/{candidate}/gate?baseline&environment}: the server's policy. */
  public void gate(Context ctx) {
    ctx.json(evaluate(ctx, policy));
  }

  /** {@code POST releases/{candidate}/gate}: the policy file in the body (YAML or JSON). */
  public void gateWithPolicy(Context ctx) {
    Policy given;
    try {
      given = PolicyFile.parse(ctx.bodyAsBytes());
    } catch (PolicyFile.InvalidPolicy e) {
      throw new ApiException(400, "invalid_policy", e.getMessage(), e.key());
    }
    ctx.json(evaluate(ctx, given));
  }

  private Map<String, Object> evaluate(Context ctx, Policy policy) {
    String project = project(ctx);
    String candidate = ctx.pathParam("release");
    String env = ctx.queryParam("environment");
    String given = ctx.queryParam("baseline");
    String baseline = baseline(ctx, project, candidate, env);
    GateResult result =
        Gate.evaluate(
            health.gateInput(
                project, candidate, baseline, env, policy.spikingFactor(), policy.alpha()),
            policy);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", result.status());
    body.put("candidate", candidate);
    body.put("baseline", baseline);
    body.put(
        "baselineChosen", baseline == null ? null : given == null ? "previous-release" : "given");
    body.put("environment", env);
    body.put("evaluatedAt", Instant.ofEpochMilli(clock.millis()).toString());
    body.put("summary", summary(result));
    body.put("findings", result.findings().stream().map(HealthRoutes::finding).toList());
    body.put("policy", policy);
    return body;
  }

  private static String summary(GateResult result) {
    List<String> reasons =
        result.findings().stream()
            .filter(f -> f.status() == result.status())
            .map(f -> f.rule() + ": " + f.reason())
            .toList();
    return result.status() + " — " + String.join(" | ", reasons);
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("status", f.status());
    m.put("observed", f.observed());
    m.put("threshold", f.threshold());
    m.put("sampleSize", f.sampleSize());
    m.put(
        "interval",
        f.interval() == null
            ? null
            : Map.of(
                "low",
                f.interval().low(),
                "high",
                f.interval().high(),
                "confidence",
                f.interval().confidence()));
    m.put("reason", f.reason());
    m.put("details", f.details());
    return m;
  }

  /** The baseline asked for (which must exist), or the release seen before; null when none. */
  private String baseline(Context ctx, String project, String release, String env) {
    String given = ctx.queryParam("baseline");
    if (given == null || given.isEmpty()) {
      return health.previousRelease(project, release, env).orElse(null);
    }
    if (health.totals(project, given, env).isEmpty()) {
      throw unknownRelease(given, project, "baseline");
    }
    return given;
  }

  private static ApiException unknownRelease(String release, String project, String field) {
    return new ApiException(
        404,
        "unknown_release",
        "no sessions or crashes of release '" + release + "' in project " + project,
        field);
  }

  private static Map<String, Object> counts(Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessions", c.sessions());
    m.put("crashedSessions", c.crashed());
    m.put("abnormalSessions", c.abnormal());
    m.put("erroredSessions", c.errored());
    m.put("healthySessions", c.healthy());
    m.put("users", c.users());
    m.put("crashedUsers", c.crashedUsers());
    m.put("crashFreeSessions", c.crashFreeSessions());
    m.put("crashFreeUsers", c.crashFreeUsers());
    m.put("crashEvents", c.crashEvents());
    return m;
  }

  private static String camel(String dimension) {
    return dimension.equals("app_version") ? "appVersion" : dimension;
  }

  private String project(Context ctx) {
    return ProjectRoutes.requireProject(projects, ctx.pathParam("project")).id();
  }

  /** {@code 1h}, {@code 6h}, {@code 1d}, or ISO-8601 ({@code PT1H}, {@code P1D}); whole hours. */
  static long bucket(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Rollups.HOUR;
    }
    Duration d;
    try {
      String s = raw.trim().toLowerCase(Locale.ROOT);
      if (s.matches("\\d+h")) {
        d = Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
      } else if (s.matches("\\d+d")) {
        d = Duration.ofDays(Long.parseLong(s.substring(0, s.length() - 1)));
      } else {
        d = Duration.parse(raw.trim().toUpperCase(Locale.ROOT).replace("P1D", "PT24H"));
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      d = null;
    }
    if (d == null || d.isZero() || d.isNegative() || d.toMillis() % Rollups.HOUR != 0) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "query parameter 'bucket' must be a whole number of hours (1h, 6h, 1d, PT12H), was '"
              + raw
              + "'",
          "bucket");
    }
    return d.toMillis();
  }

  private static long instant(Context ctx, String name, long fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      return raw.chars().allMatch(Character::isDigit)
          ? Long.parseLong(raw)
          : Instant.parse(raw).toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new ApiException(
          400,
          "invalid_parameter",
          "query parameter '"
              + name
              + "' must be epoch milliseconds or an ISO-8601 instant, was '"
              + raw
              + "'",
          name);
    }
  }
}
