package dev.gonogo.load.bench.payload.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Ids and timestamps as the Sentry SDKs write them, made without locks or SecureRandom. */
public final class Wire {
  private static final DateTimeFormatter RFC3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private Wire() {}

  /**
   * A random event id: 32 lowercase hex digits, like the SDKs' UUIDv4 without dashes. 128 random
   * bits, so ids are unique within any run this benchmark can make (the run's stored-event count is
   * checked against the acknowledged events afterwards).
   */
  public static String eventId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  /** A random version-4 UUID, as a session id. */
  public static UUID uuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /** RFC 3339 in UTC with milliseconds: 2026-12-01T19:10:00.123Z. */
  public static String timestamp(Instant instant) {
    return RFC3339_MILLIS.format(instant);
  }
}
