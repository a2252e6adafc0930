package dev.gonogo.feedback.durability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * One envelope as a Sentry SDK sends it after an uncaught crash: the crash event and the update of
 * the session it ended, with ids unique to this envelope so each can be looked up after a restart.
 *
 * @param eventId the envelope's (and event's) id, 32 lowercase hex; the service answers it back
 * @param sessionId the session's {@code sid}
 * @param body the envelope bytes, uncompressed
 * @param gzip whether it is sent with {@code Content-Encoding: gzip}, as the Java SDK does
 */
record SentEnvelope(String eventId, UUID sessionId, byte[] body, boolean gzip) {
  static final String RELEASE = "app@1.0";

  /** A new crash envelope from one client (device {@code d<client>}). */
  static SentEnvelope crashWithSession(int client, boolean gzip) {
    String eventId = UUID.randomUUID().toString().replace("-", "");
    UUID sessionId = UUID.randomUUID();
    String envelope =
        "{\"event_id\":\""
            + eventId
            + "\"}\n"
            + "{\"type\":\"event\"}\n"
            + "{\"event_id\":\""
            + eventId
            + "\",\"platform\":\"java\",\"level\":\"fatal\",\"release\":\""
            + RELEASE
            + "\",\"exception\":{\"values\":[{\"type\":\"IllegalStateException\","
            + "\"module\":\"java.lang\",\"value\":\"boom\","
            + "\"mechanism\":{\"type\":\"generic\",\"handled\":false},"
            + "\"stacktrace\":{\"frames\":[{\"module\":\"com.acme.Pay\",\"function\":\"charge\","
            + "\"lineno\":12,\"in_app\":true}]}}]}}\n"
            + "{\"type\":\"session\"}\n"
            + "{\"sid\":\""
            + sessionId
            + "\",\"did\":\"d"
            + client
            + "\",\"init\":true,\"started\":\"2026-12-01T10:00:00Z\",\"status\":\"crashed\","
            + "\"errors\":1,\"seq\":1,\"attrs\":{\"release\":\""
            + RELEASE
            + "\"}}\n";
    return new SentEnvelope(eventId, sessionId, envelope.getBytes(StandardCharsets.UTF_8), gzip);
  }

  /** The request body: {@link #body()}, gzipped when {@link #gzip()}. */
  byte[] wireBody() {
    if (!gzip) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
