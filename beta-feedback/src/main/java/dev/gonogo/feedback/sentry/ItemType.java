package dev.gonogo.feedback.sentry;

import java.util.Arrays;

/**
 * The item types this service reads. Every other type (transaction, profile, replay_event,
 * check_in, log, span, ...) is {@link #OTHER}: kept in the envelope, skipped by ingestion.
 */
public enum ItemType {
  EVENT("event"),
  SESSION("session"),
  SESSIONS("sessions"),
  CLIENT_REPORT("client_report"),
  USER_REPORT("user_report"),
  FEEDBACK("feedback"),
  ATTACHMENT("attachment"),
  OTHER("");

  private final String wireName;

  ItemType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code type} header value; empty for {@link #OTHER}. */
  public String wireName() {
    return wireName;
  }

  /** The type for a {@code type} header value; exact, case-sensitive, as Relay matches it. */
  public static ItemType of(String type) {
    return Arrays.stream(values())
        .filter(t -> t != OTHER && t.wireName.equals(type))
        .findFirst()
        .orElse(OTHER);
  }
}
