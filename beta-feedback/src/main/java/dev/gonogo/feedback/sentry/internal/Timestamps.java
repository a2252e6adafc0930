package dev.gonogo.feedback.sentry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sentry timestamps: an RFC 3339 string ({@code 2020-02-07T14:16:00Z}, an offset, fractions, a
 * space instead of the T; no zone means UTC) or a number of seconds since the epoch (fractions
 * allowed). Numeric strings are read as epoch seconds too.
 */
public final class Timestamps {
  private Timestamps() {}

  /** The instant, or empty when the node is absent, null or not a timestamp. */
  public static Optional<Instant> parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return fromEpochSeconds(node.decimalValue());
    }
    if (node.isTextual()) {
      return parse(node.textValue());
    }
    return Optional.empty();
  }

  public static Optional<Instant> parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeException notOffset) {
      // fall through
    }
    try {
      return Optional.of(
          LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException notLocal) {
      // fall through
    }
    try {
      return fromEpochSeconds(new BigDecimal(s));
    } catch (NumberFormatException notNumber) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> fromEpochSeconds(BigDecimal seconds) {
    try {
      long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
      long nanos =
          seconds
              .subtract(BigDecimal.valueOf(whole))
              .movePointRight(9)
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
      return Optional.of(Instant.ofEpochSecond(whole, nanos));
    } catch (ArithmeticException | DateTimeException outOfRange) {
      return Optional.empty();
    }
  }
}
