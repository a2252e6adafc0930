package dev.gonogo.feedback.sentry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The status of a release-health session. All but {@link #OK} are terminal. */
public enum SessionStatus {
  /** In progress and healthy; also a valid last state. */
  OK,
  /** Ended normally (errors may have occurred). Only exited sessions count for durations. */
  EXITED,
  /** Ended in a crash: an unhandled error. */
  CRASHED,
  /** Ended without the app seeing it end: killed, power loss, an ANR. */
  ABNORMAL,
  /** Request-mode: ended with a handled error. Relay accepts it; mobile SDKs do not send it. */
  ERRORED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a wire name; exact lowercase, as sent. */
  public static Optional<SessionStatus> of(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
  }
}
