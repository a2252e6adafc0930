package dev.gonogo.feedback.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a signature is computed from: one crash, independent of the wire format it arrived in.
 *
 * @param platform the crash's platform as the SDK names it ({@code java}, {@code android}, {@code
 *     javascript}, {@code node}, {@code native}, {@code cocoa}, …); frames may override it; may be
 *     {@code null}
 * @param exceptions the chained exceptions in Sentry order: <strong>the innermost (root cause)
 *     first, the outermost last</strong>; {@code null} means none. Never contains {@code null}.
 * @param message the event's log message, used only when there is no exception; may be {@code null}
 */
public record CrashInput(String platform, List<CrashException> exceptions, String message) {

  public CrashInput {
    exceptions = copyOf(exceptions);
  }

  /** A crash with chained exceptions (root cause first) and no log message. */
  public CrashInput(String platform, List<CrashException> exceptions) {
    this(platform, exceptions, null);
  }

  /** A crash with exceptions given root cause first, outermost last. */
  public static CrashInput of(String platform, CrashException... rootCauseFirst) {
    return new CrashInput(platform, List.of(rootCauseFirst), null);
  }

  /** An event without an exception, only a log message (e.g. {@code captureMessage}). */
  public static CrashInput ofMessage(String platform, String message) {
    return new CrashInput(platform, List.of(), message);
  }

  /** An event that carries nothing to group on; its signature is {@code unknown}. */
  public static CrashInput empty() {
    return new CrashInput(null, List.of(), null);
  }

  private static List<CrashException> copyOf(List<CrashException> exceptions) {
    if (exceptions == null) {
      return List.of();
    }
    List<CrashException> copy = new ArrayList<>(exceptions.size());
    for (int i = 0; i < exceptions.size(); i++) {
      CrashException exception = exceptions.get(i);
      if (exception == null) {
        throw new IllegalArgumentException(
            "exceptions[" + i + "] is null; leave the exception out instead");
      }
      copy.add(exception);
    }
    return Collections.unmodifiableList(copy);
  }
}
