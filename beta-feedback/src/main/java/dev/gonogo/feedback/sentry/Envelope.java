package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.EventIds;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.sentry.internal.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed envelope: the header (whole, unknown fields included) and its items in order.
 *
 * <p>An envelope without items is valid; the protocol says it can be discarded.
 */
public record Envelope(ObjectNode header, List<EnvelopeItem> items) {

  public Envelope {
    Objects.requireNonNull(header, "header");
    items = List.copyOf(items);
  }

  /**
   * The {@code event_id} header as 32 lowercase hex digits. The parser has checked it; per the
   * protocol it takes precedence over the event_id inside an event or feedback payload.
   */
  public Optional<String> eventId() {
    return Json.text(header, "event_id").flatMap(EventIds::normalize);
  }

  /** The {@code dsn} header, when the client authenticates through the envelope. */
  public Optional<String> dsn() {
    return Json.text(header, "dsn");
  }

  /** {@code sent_at}: when the SDK sent it, for clock-drift correction; empty if unreadable. */
  public Optional<Instant> sentAt() {
    return Timestamps.parse(header.get("sent_at"));
  }

  /** {@code sdk.name} of the envelope header, e.g. {@code sentry.java}. */
  public Optional<String> sdkName() {
    return Json.object(header, "sdk").flatMap(sdk -> Json.text(sdk, "name"));
  }

  public Optional<String> sdkVersion() {
    return Json.object(header, "sdk").flatMap(sdk -> Json.text(sdk, "version"));
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The items of one type, in envelope order. */
  public List<EnvelopeItem> items(ItemType type) {
    return items.stream().filter(i -> i.itemType() == type).toList();
  }

  /**
   * Writes the envelope back: the header and item headers as they are now (unknown fields kept),
   * every item with an explicit {@code length}, every line ended by a newline.
   */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeLine(out, header);
    for (EnvelopeItem item : items) {
      ObjectNode itemHeader = item.header().deepCopy();
      itemHeader.put("length", item.length());
      writeLine(out, itemHeader);
      out.writeBytes(item.payload());
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static void writeLine(ByteArrayOutputStream out, ObjectNode json) {
    try {
      out.writeBytes(Json.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
  }
}
