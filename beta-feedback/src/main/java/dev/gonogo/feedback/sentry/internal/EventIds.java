package dev.gonogo.feedback.sentry.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Event and session ids: 32 hex digits, or a UUID with dashes; normalised to 32 lowercase hex. */
public final class EventIds {
  private EventIds() {}

  /** The id as 32 lowercase hex digits, or empty if it is neither form. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw;
    if (s.length() == 36) {
      if (s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
        return Optional.empty();
      }
      s =
          s.substring(0, 8)
              + s.substring(9, 13)
              + s.substring(14, 18)
              + s.substring(19, 23)
              + s.substring(24);
    }
    if (s.length() != 32) {
      return Optional.empty();
    }
    for (int i = 0; i < 32; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(s.toLowerCase(Locale.ROOT));
  }

  /** 32 hex digits to the dashed UUID form. */
  public static UUID toUuid(String normalized) {
    return new UUID(
        Long.parseUnsignedLong(normalized.substring(0, 16), 16),
        Long.parseUnsignedLong(normalized.substring(16), 16));
  }
}
