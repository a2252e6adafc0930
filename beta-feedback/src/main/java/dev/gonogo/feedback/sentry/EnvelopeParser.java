package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.EventIds;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.sentry.internal.Quote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an envelope into its header and items, exactly as the protocol frames them:
 *
 * <pre>
 * Envelope = Headers { "\n" Item } [ "\n" ] ;
 * Item     = Headers "\n" Payload ;
 * </pre>
 *
 * <ul>
 *   <li>The envelope header is one line holding a JSON object; {@code {}} is valid. An envelope of
 *       only a header has no items and is valid.
 *   <li>An item header with {@code length}: the payload is exactly that many bytes (newlines and
 *       {@code \r\n} inside included), followed by a newline or the end of the body. A {@code \r\n}
 *       there is accepted too, though the protocol asks for {@code \n}.
 *   <li>An item header without {@code length} (or {@code "length": null}): the payload runs to the
 *       next {@code \n} or the end of the body; a {@code \r} before that newline belongs to the
 *       payload. An empty line is an empty payload.
 *   <li>An item header as the last line, without a newline or payload after it, has an empty
 *       payload.
 *   <li>Blank lines where an item header would start, and whitespace at the end of the body, are
 *       skipped.
 *   <li>Item types are not checked: unknown types are items like any other.
 * </ul>
 *
 * Payloads are not parsed here; {@link ItemPayload#parse} does that per type.
 */
public final class EnvelopeParser {
  /**
   * Relay accepts 100 sessions per envelope; with an event, attachments and a client report an
   * honest SDK stays well under this.
   */
  public static final int DEFAULT_MAX_ITEMS = 200;

  private final byte[] body;
  private final int maxItems;
  private int pos;

  private EnvelopeParser(byte[] body, int maxItems) {
    this.body = body;
    this.maxItems = maxItems;
  }

  /** Parses with {@link #DEFAULT_MAX_ITEMS}. */
  public static Envelope parse(byte[] body) {
    return parse(body, DEFAULT_MAX_ITEMS);
  }

  /**
   * Parses a decoded envelope body.
   *
   * @throws RejectedException {@code empty_body}, {@code malformed_envelope_header}, {@code
   *     invalid_event_id} (envelope header), {@code malformed_item_header}, {@code
   *     item_length_exceeds_body}, {@code item_length_mismatch}, {@code too_many_items}, {@code
   *     invalid_utf8}
   */
  public static Envelope parse(byte[] body, int maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
    }
    return new EnvelopeParser(body, maxItems).envelope();
  }

  private Envelope envelope() {
    if (isBlank(0)) {
      throw new RejectedException(
          RejectReason.EMPTY_BODY,
          body.length == 0 ? "the body has no bytes" : "the body has only whitespace");
    }
    int end = lineEnd(0);
    ObjectNode header =
        Json.readHeader(body, 0, end, RejectReason.MALFORMED_ENVELOPE_HEADER, "envelope header");
    checkEnvelopeHeader(header);
    pos = Math.min(end + 1, body.length);
    List<EnvelopeItem> items = new ArrayList<>();
    while (skipBlankLines()) {
      if (items.size() == maxItems) {
        throw new RejectedException(
            RejectReason.TOO_MANY_ITEMS,
            "the envelope has more than "
                + maxItems
                + " items; item "
                + items.size()
                + " starts at byte "
                + pos);
      }
      items.add(item(items.size()));
    }
    return new Envelope(header, items);
  }

  private static void checkEnvelopeHeader(ObjectNode header) {
    JsonNode eventId = header.get("event_id");
    if (eventId != null && !eventId.isNull()) {
      if (!eventId.isTextual() || EventIds.normalize(eventId.textValue()).isEmpty()) {
        throw new RejectedException(
            RejectReason.INVALID_EVENT_ID,
            "envelope header: 'event_id' is "
                + Json.describe(eventId)
                + ", expected 32 hex digits or a UUID");
      }
    }
  }

  private EnvelopeItem item(int index) {
    int headerStart = pos;
    int headerEnd = lineEnd(pos);
    String where = "item " + index + " header (byte " + headerStart + ")";
    ObjectNode header =
        Json.readHeader(
            body, headerStart, headerEnd - headerStart, RejectReason.MALFORMED_ITEM_HEADER, where);
    JsonNode type = header.get("type");
    if (type == null || !type.isTextual() || type.textValue().isEmpty()) {
      throw new RejectedException(
          RejectReason.MALFORMED_ITEM_HEADER,
          where + ": 'type' is " + Json.describe(type) + ", expected a non-empty string");
    }
    String describe = "item " + index + " (type " + type.textValue() + ")";
    pos = Math.min(headerEnd + 1, body.length);
    JsonNode length = header.get("length");
    byte[] payload =
        length == null || length.isNull()
            ? implicitPayload()
            : explicitPayload(declaredLength(length, describe), describe);
    return new EnvelopeItem(index, header, payload);
  }

  private static long declaredLength(JsonNode length, String describe) {
    if (!length.isNumber()
        || !length.canConvertToExactIntegral()
        || !length.canConvertToLong()
        || length.asLong() < 0) {
      throw new RejectedException(
          RejectReason.MALFORMED_ITEM_HEADER,
          describe + ": 'length' is " + Json.describe(length) + ", expected a whole number >= 0");
    }
    return length.asLong();
  }

  private byte[] implicitPayload() {
    int end = lineEnd(pos);
    byte[] payload = Arrays.copyOfRange(body, pos, end);
    pos = Math.min(end + 1, body.length);
    return payload;
  }

  private byte[] explicitPayload(long length, String describe) {
    long remaining = body.length - pos;
    if (length > remaining) {
      throw new RejectedException(
          RejectReason.ITEM_LENGTH_EXCEEDS_BODY,
          describe + ": declares length " + length + " but only " + remaining + " bytes remain");
    }
    int end = pos + (int) length;
    byte[] payload = Arrays.copyOfRange(body, pos, end);
    pos = end;
    if (pos == body.length) {
      return payload;
    }
    if (body[pos] == '\n') {
      pos++;
    } else if (body[pos] == '\r' && pos + 1 < body.length && body[pos + 1] == '\n') {
      pos += 2;
    } else if (isBlank(pos)) {
      pos = body.length;
    } else {
      throw new RejectedException(
          RejectReason.ITEM_LENGTH_MISMATCH,
          describe
              + ": after its "
              + length
              + "-byte payload comes "
              + Quote.of(preview(pos))
              + " instead of a newline or the end; is 'length' right?");
    }
    return payload;
  }

  /** Moves past blank lines; false when only whitespace is left. */
  private boolean skipBlankLines() {
    while (pos < body.length) {
      int end = lineEnd(pos);
      if (!isBlank(pos, end)) {
        return true;
      }
      pos = end + 1;
    }
    return false;
  }

  private int lineEnd(int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    return body.length;
  }

  private boolean isBlank(int from) {
    return isBlank(from, body.length);
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private String preview(int from) {
    int to = Math.min(body.length, from + 16);
    return new String(body, from, to - from, StandardCharsets.UTF_8);
  }
}
