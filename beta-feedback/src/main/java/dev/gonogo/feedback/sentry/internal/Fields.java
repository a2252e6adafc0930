package dev.gonogo.feedback.sentry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Strict reading of one JSON object: every problem becomes a {@link RejectedException} with one
 * reason, naming where ("item 2 (type session)") and the field path ("attrs.release").
 *
 * <p>A field that is present but {@code null} reads as absent.
 */
public final class Fields {
  private final JsonNode node;
  private final RejectReason reason;
  private final String where;
  private final String path;

  private Fields(JsonNode node, RejectReason reason, String where, String path) {
    this.node = node;
    this.reason = reason;
    this.where = where;
    this.path = path;
  }

  public static Fields of(ObjectNode node, RejectReason reason, String where) {
    return new Fields(node, reason, where, "");
  }

  public RejectedException invalid(String field, String problem) {
    return new RejectedException(reason, where + ": field '" + path + field + "' " + problem);
  }

  private JsonNode get(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public boolean has(String field) {
    return get(field) != null;
  }

  public Optional<String> text(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected a string");
    }
    return Optional.of(value.textValue());
  }

  /** A string, or a number written as text (ids that some SDKs send as numbers). */
  public Optional<String> scalarText(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected a string");
    }
    return Optional.of(value.asText());
  }

  public String requiredText(String field) {
    String value = text(field).orElseThrow(() -> invalid(field, "is missing"));
    if (value.isBlank()) {
      throw invalid(field, "is blank");
    }
    return value;
  }

  public UUID requiredUuid(String field) {
    String raw = text(field).orElseThrow(() -> invalid(field, "is missing"));
    return EventIds.normalize(raw)
        .map(EventIds::toUuid)
        .orElseThrow(() -> invalid(field, "is not a UUID: " + Quote.of(raw)));
  }

  public Optional<Instant> timestamp(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        Timestamps.parse(value)
            .orElseThrow(
                () ->
                    invalid(
                        field,
                        "is "
                            + Json.describe(value)
                            + ", expected an RFC 3339 timestamp or epoch seconds")));
  }

  public Instant requiredTimestamp(String field) {
    return timestamp(field).orElseThrow(() -> invalid(field, "is missing"));
  }

  public boolean bool(String field, boolean fallback) {
    JsonNode value = get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected true or false");
    }
    return value.booleanValue();
  }

  public OptionalLong nonNegativeLong(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected a whole number");
    }
    long n = value.asLong();
    if (n < 0) {
      throw invalid(field, "is " + n + ", expected 0 or more");
    }
    return OptionalLong.of(n);
  }

  public long nonNegativeLong(String field, long fallback) {
    return nonNegativeLong(field).orElse(fallback);
  }

  public OptionalDouble nonNegativeDouble(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (!value.isNumber()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected a number");
    }
    double d = value.asDouble();
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw invalid(field, "is " + value.asText() + ", expected 0 or more");
    }
    return OptionalDouble.of(d);
  }

  public Fields object(String field) {
    JsonNode value = get(field);
    if (value == null) {
      throw invalid(field, "is missing");
    }
    if (!value.isObject()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected an object");
    }
    return new Fields(value, reason, where, path + field + ".");
  }

  /** The objects of an array field; a missing field is an empty list. */
  public List<Fields> objects(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid(field, "is " + Json.describe(value) + ", expected an array");
    }
    List<Fields> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isObject()) {
        throw invalid(
            field + "[" + i + "]", "is " + Json.describe(element) + ", expected an object");
      }
      out.add(new Fields(element, reason, where, path + field + "[" + i + "]."));
    }
    return out;
  }
}
