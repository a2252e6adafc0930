package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.Json;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One item of an envelope: its header (kept whole, unknown fields included) and its payload bytes.
 * Items of unknown type are items like any other; the caller decides to skip them.
 */
public final class EnvelopeItem {
  private final int index;
  private final ObjectNode header;
  private final byte[] payload;

  /**
   * @param index position in the envelope, from 0
   * @param header the item header; must have a string {@code type}
   * @param payload the payload; owned by this item from now on
   */
  public EnvelopeItem(int index, ObjectNode header, byte[] payload) {
    this.index = index;
    this.header = Objects.requireNonNull(header, "header");
    this.payload = Objects.requireNonNull(payload, "payload");
    if (header.path("type").textValue() == null) {
      throw new IllegalArgumentException("an item header needs a string 'type': " + header);
    }
  }

  public int index() {
    return index;
  }

  /** The {@code type} header as sent, e.g. {@code event} or {@code replay_video}. */
  public String type() {
    return header.get("type").textValue();
  }

  public ItemType itemType() {
    return ItemType.of(type());
  }

  /** The header, live: changes show in {@link Envelope#toBytes()}. */
  public ObjectNode header() {
    return header;
  }

  /** The {@code length} header; empty when the payload ran to the next newline. */
  public OptionalLong declaredLength() {
    return header.hasNonNull("length")
        ? OptionalLong.of(header.get("length").longValue())
        : OptionalLong.empty();
  }

  /** A string header such as {@code filename} or {@code content_type}. */
  public Optional<String> headerText(String name) {
    return Json.text(header, name);
  }

  /** The payload bytes, not copied: callers must not change them. Empty for an empty payload. */
  public byte[] payload() {
    return payload;
  }

  public int length() {
    return payload.length;
  }

  /**
   * The payload as a JSON object.
   *
   * @throws RejectedException {@code invalid_utf8} or {@code invalid_json} (also for an empty
   *     payload), naming this item
   */
  public ObjectNode json() {
    return Json.readPayload(payload, 0, payload.length, describe());
  }

  /** "item 2 (type session)", the prefix of every message about this item. */
  public String describe() {
    return "item " + index + " (type " + type() + ")";
  }

  @Override
  public String toString() {
    return describe() + ", " + payload.length + " bytes";
  }
}
