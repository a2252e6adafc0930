package dev.gonogo.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Sentry envelopes as an SDK writes them, for suites that must count exactly what they sent (the
 * SDK's own background queue cannot say which envelope got which answer).
 */
public final class Envelopes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Envelopes() {}

  /** One envelope item: its type (the item header) and its JSON payload on one line. */
  public record Item(String type, String payload) {}

  /** A fresh event id: 32 lowercase hex digits. */
  public static String newEventId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Envelope header (with the event id, when there is one), then each item's two lines. */
  public static byte[] envelope(String eventId, Item... items) {
    StringBuilder body =
        new StringBuilder(eventId == null ? "{}" : "{\"event_id\":\"" + eventId + "\"}");
    body.append('\n');
    for (Item item : items) {
      body.append("{\"type\":\"").append(item.type()).append("\"}\n");
      body.append(item.payload()).append('\n');
    }
    return body.toString().getBytes(UTF_8);
  }

  /**
   * An uncaught Java crash thrown in {@code com.example.shop.<function>}: the top frame decides the
   * signature, so the same function is one signature in every release.
   */
  public static Item crash(String eventId, String release, String function, String message) {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("event_id", eventId)
        .put("platform", "java")
        .put("level", "fatal")
        .put("release", release)
        .put("environment", "beta");
    ObjectNode exception = event.putObject("exception").putArray("values").addObject();
    exception.put("type", "IllegalStateException").put("module", "java.lang").put("value", message);
    exception.putObject("mechanism").put("type", "UncaughtExceptionHandler").put("handled", false);
    ArrayNode frames = exception.putObject("stacktrace").putArray("frames");
    frames
        .addObject()
        .put("module", "java.lang.Thread")
        .put("function", "run")
        .put("in_app", false);
    frames
        .addObject()
        .put("module", "com.example.shop.Checkout")
        .put("function", function)
        .put("lineno", 42)
        .put("in_app", true);
    return new Item("event", event.toString());
  }

  /** A session update of release {@code release}; terminal states end it. */
  public static Item session(String sid, String release, String status, boolean init) {
    ObjectNode session = JSON.createObjectNode();
    session
        .put("sid", sid)
        .put("did", "tester-" + sid.substring(0, 4))
        .put("init", init)
        .put("started", "2026-12-01T10:00:00Z")
        .put("status", status)
        .put("seq", init ? 1 : 2)
        .put("errors", status.equals("crashed") ? 1 : 0);
    session.putObject("attrs").put("release", release).put("environment", "beta");
    return new Item("session", session.toString());
  }

  /** A user report commenting on an event. */
  public static Item userReport(String eventId, String comments) {
    ObjectNode report = JSON.createObjectNode();
    report.put("event_id", eventId).put("name", "Tess Tester").put("comments", comments);
    return new Item("user_report", report.toString());
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
