package dev.gonogo.reports.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.VerdictInputs;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the candidate's crash gate and health from beta-feedback (docs/api.md, "Release health and
 * the crash gate") with {@code Authorization: Bearer <token>}: POSTs the policy file to the gate,
 * then reads the candidate's and the baseline's health, the candidate's hourly series over its
 * firstSeen..lastSeen and its top 20 signatures. Every refusal becomes a failed input naming the
 * request and the server's code.
 */
public final class BetaReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HOUR = 3_600_000L;
  private static final String NAME = "--beta-url";

  private final HttpClient http;
  private final Duration timeout;

  public BetaReader(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** An HTTP answer other than 200, or no answer: becomes the failed input. */
  private static final class Refused extends Exception {
    final Input.Problem problem;

    Refused(Input.Problem problem, String message) {
      super(message);
      this.problem = problem;
    }
  }

  public Input<BetaHealth> read(VerdictInputs inputs, byte[] policy) {
    URI base = inputs.betaUrl();
    String project = inputs.betaProject();
    String candidate = inputs.release().candidate();
    String baseline = inputs.release().baseline();
    String source = base.toString();
    try {
      String root = base.toString().replaceAll("/+$", "") + "/api/v1/projects/" + enc(project);
      Map<String, String> gateQuery = new LinkedHashMap<>();
      gateQuery.put("baseline", baseline);
      gateQuery.put("environment", inputs.environment());
      JsonNode gateJson =
          send(
              inputs,
              "POST",
              root + "/releases/" + enc(candidate) + "/gate" + query(gateQuery),
              policy,
              "the crash gate of " + candidate);
      BetaHealth.Gate gate = gate(gateJson);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("environment", inputs.environment());
      JsonNode candidateHealth =
          send(
              inputs,
              "GET",
              root + "/releases/" + enc(candidate) + "/health" + query(env),
              null,
              "the health of " + candidate);
      String gateBaseline = baseline != null ? baseline : gate.baseline();
      BetaHealth.Totals baselineTotals = null;
      if (gateBaseline != null) {
        baselineTotals =
            totals(
                gateBaseline,
                send(
                    inputs,
                    "GET",
                    root + "/releases/" + enc(gateBaseline) + "/health" + query(env),
                    null,
                    "the health of the baseline " + gateBaseline));
      }
      long firstSeen = candidateHealth.path("firstSeen").asLong(0);
      long lastSeen = candidateHealth.path("lastSeen").asLong(firstSeen);
      Map<String, String> seriesQuery = new LinkedHashMap<>();
      seriesQuery.put("bucket", "1h");
      seriesQuery.put("from", Long.toString(Math.floorDiv(firstSeen, HOUR) * HOUR));
      seriesQuery.put("to", Long.toString(Math.max(lastSeen, firstSeen) + 1));
      seriesQuery.put("environment", inputs.environment());
      JsonNode series =
          send(
              inputs,
              "GET",
              root + "/releases/" + enc(candidate) + "/health/series" + query(seriesQuery),
              null,
              "the hourly health series of " + candidate);
      Map<String, String> sigQuery = new LinkedHashMap<>();
      sigQuery.put("baseline", gateBaseline);
      sigQuery.put("limit", "20");
      sigQuery.put("environment", inputs.environment());
      JsonNode signatures =
          send(
              inputs,
              "GET",
              root + "/releases/" + enc(candidate) + "/signatures" + query(sigQuery),
              null,
              "the signatures of " + candidate);
      List<BetaHealth.Point> points = new ArrayList<>();
      for (JsonNode p : series.path("points")) {
        points.add(new BetaHealth.Point(p.path("start").asLong(), totals(candidate, p)));
      }
      List<BetaHealth.Signature> top = new ArrayList<>();
      for (JsonNode s : signatures.path("items")) {
        top.add(
            new BetaHealth.Signature(
                s.path("fingerprint").asText(""),
                s.path("title").asText(""),
                s.path("status").asText(""),
                s.path("events").asLong(),
                s.path("crashEvents").asLong(),
                s.path("sessions").asLong(),
                s.path("users").asLong(),
                s.path("baselineEvents").asLong(),
                s.path("firstSeen").asLong(),
                s.path("lastSeen").asLong()));
      }
      return Input.of(
          NAME,
          source,
          new BetaHealth(
              source,
              project,
              gate,
              totals(candidate, candidateHealth),
              baselineTotals,
              points,
              top));
    } catch (Refused e) {
      return Input.failed(NAME, source, e.problem, e.getMessage());
    } catch (RuntimeException e) {
      return Input.failed(
          NAME,
          source,
          Input.Problem.UNREADABLE,
          "beta-feedback at " + source + " answered something the verdict cannot read: " + e);
    }
  }

  private JsonNode send(VerdictInputs inputs, String method, String url, byte[] body, String what)
      throws Refused {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (inputs.betaToken() != null && !inputs.betaToken().isBlank()) {
      request.header("Authorization", "Bearer " + inputs.betaToken());
    }
    if (body != null) {
      request.header("Content-Type", "application/yaml");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    String tried = method + " " + url;
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new Refused(
          Input.Problem.UNREACHABLE,
          "beta-feedback is not reachable at "
              + inputs.betaUrl()
              + " ("
              + tried
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "); is it running? ./gonogo starts it and prints its URL");
    } catch (HttpTimeoutException e) {
      throw new Refused(
          Input.Problem.UNREACHABLE,
          "beta-feedback did not answer " + tried + " within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw new Refused(
          Input.Problem.UNREACHABLE,
          "beta-feedback at " + inputs.betaUrl() + " failed on " + tried + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refused(Input.Problem.UNREACHABLE, "interrupted while waiting for " + tried);
    }
    int status = response.statusCode();
    if (status == 200) {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new Refused(
            Input.Problem.UNREADABLE,
            tried + " answered 200 with a body that is not JSON: " + e.getMessage());
      }
    }
    String code = "";
    String message = response.body();
    try {
      JsonNode error = JSON.readTree(response.body());
      code = error.path("code").asText("");
      message = error.path("message").asText(message);
    } catch (IOException | RuntimeException e) {
      // not JSON: the raw body is the message
    }
    String answered =
        tried + " answered " + status + (code.isEmpty() ? "" : " " + code) + ": " + message;
    if (status == 404 && code.equals("unknown_release")) {
      throw new Refused(
          Input.Problem.MISSING,
          "beta-feedback has no data for "
              + what
              + " ("
              + answered
              + "); check the release name"
              + " (--candidate / --baseline) and --beta-project");
    }
    if (status == 401 || status == 403) {
      throw new Refused(
          Input.Problem.UNREADABLE,
          "beta-feedback refused the admin token ("
              + answered
              + "); pass --beta-token or set"
              + " GONOGO_ADMIN_TOKEN to the token ./gonogo printed");
    }
    if (status >= 500) {
      throw new Refused(
          Input.Problem.UNREACHABLE,
          "beta-feedback failed while reading " + what + " (" + answered + "); see its log");
    }
    throw new Refused(
        Input.Problem.UNREADABLE, "beta-feedback refused " + what + " (" + answered + ")");
  }

  private static BetaHealth.Gate gate(JsonNode json) {
    List<BetaHealth.GateFinding> findings = new ArrayList<>();
    for (JsonNode f : json.path("findings")) {
      List<String> details = new ArrayList<>();
      for (JsonNode d : f.path("details")) {
        details.add(d.isTextual() ? d.asText() : d.toString());
      }
      JsonNode interval = f.path("interval");
      findings.add(
          new BetaHealth.GateFinding(
              f.path("rule").asText(""),
              f.path("status").asText(""),
              number(f.get("observed")),
              number(f.get("threshold")),
              f.path("sampleSize").asLong(0),
              number(interval.get("low")),
              number(interval.get("high")),
              number(interval.get("confidence")),
              f.path("reason").asText(""),
              details));
    }
    return new BetaHealth.Gate(
        json.path("status").asText(""),
        text(json.get("candidate")),
        text(json.get("baseline")),
        text(json.get("baselineChosen")),
        json.path("summary").asText(""),
        findings);
  }

  private static BetaHealth.Totals totals(String release, JsonNode c) {
    JsonNode sessions = c.path("crashFreeSessions");
    return new BetaHealth.Totals(
        release,
        c.path("sessions").asLong(),
        c.path("crashedSessions").asLong(),
        c.path("users").asLong(),
        c.path("crashedUsers").asLong(),
        c.path("crashEvents").asLong(),
        number(sessions.get("value")),
        number(sessions.get("low")),
        number(sessions.get("high")),
        number(c.path("crashFreeUsers").get("value")));
  }

  private static Double number(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.doubleValue();
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(enc(v));
          }
        });
    return q.toString();
  }
}
