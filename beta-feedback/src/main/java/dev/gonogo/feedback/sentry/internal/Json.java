package dev.gonogo.feedback.sentry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading JSON: strict parsing into objects, tolerant access to fields. Tolerant access reads a
 * field of the wrong type as absent, the way Relay drops an invalid value and keeps the event.
 */
public final class Json {
  /** Payloads: one JSON value, nothing after it; duplicate keys keep the last value. */
  private static final JsonMapper PAYLOADS =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Headers: as payloads, and a duplicate key is an error (Sentry rejects a doubled sent_at). */
  private static final JsonMapper HEADERS =
      PAYLOADS.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}

  public static JsonMapper mapper() {
    return PAYLOADS;
  }

  /** Parses an envelope or item header line. */
  public static ObjectNode readHeader(
      byte[] bytes, int offset, int length, RejectReason malformed, String where) {
    return readObject(HEADERS, bytes, offset, length, malformed, where);
  }

  /** Parses a JSON payload: an object, UTF-8, nothing but whitespace after it. */
  public static ObjectNode readPayload(byte[] bytes, int offset, int length, String where) {
    return readObject(PAYLOADS, bytes, offset, length, RejectReason.INVALID_JSON, where);
  }

  private static ObjectNode readObject(
      JsonMapper mapper,
      byte[] bytes,
      int offset,
      int length,
      RejectReason malformed,
      String where) {
    int bad = Utf8.firstInvalidByte(bytes, offset, length);
    if (bad >= 0) {
      throw new RejectedException(
          RejectReason.INVALID_UTF8,
          where + ": byte " + bad + " is not valid UTF-8 (0x" + hex(bytes[offset + bad]) + ")");
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new RejectedException(
          malformed, where + ": not valid JSON" + at + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RejectedException(malformed, where + ": not valid JSON: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new RejectedException(malformed, where + ": empty, expected a JSON object");
    }
    if (!node.isObject()) {
      throw new RejectedException(
          malformed, where + ": expected a JSON object, found " + describe(node));
    }
    return (ObjectNode) node;
  }

  /** "a string", "an array", ... for messages. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string " + Quote.of(node.textValue());
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return "the boolean " + node.asText();
      case NULL:
        return "null";
      default:
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
  }

  /** A string, number or boolean field as text; absent for null, objects and arrays. */
  public static Optional<String> text(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isValueNode() || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isTextual() ? node.textValue() : node.asText());
  }

  public static Optional<ObjectNode> object(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
  }

  /** The elements of an array field; empty when absent or not an array. */
  public static List<JsonNode> array(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isArray() ? elements(node) : List.of();
  }

  public static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
  }

  public static Optional<Boolean> bool(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
  }

  /** An integral number field in int range; absent otherwise. */
  public static Optional<Integer> integer(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isNumber() || !node.canConvertToExactIntegral()) {
      return Optional.empty();
    }
    return node.canConvertToInt() ? Optional.of(node.asInt()) : Optional.empty();
  }

  private static String hex(byte b) {
    return String.format("%02x", b & 0xff);
  }
}
