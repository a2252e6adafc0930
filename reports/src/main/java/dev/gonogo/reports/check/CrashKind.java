package dev.gonogo.reports.check;

import java.util.List;
import java.util.Objects;

/**
 * A way the simulated app crashes: the unhandled exception and where it is thrown, and how often a
 * session ends in it.
 *
 * @param exceptionType e.g. {@code java.lang.IllegalStateException}
 * @param message the exception's message
 * @param frames stack frames, innermost first, as {@code module.Class.method:line}
 * @param perSession the probability that a session ends in this crash, in [0, 1)
 */
public record CrashKind(
    String exceptionType, String message, List<String> frames, double perSession) {
  public CrashKind {
    Objects.requireNonNull(exceptionType, "exceptionType");
    Objects.requireNonNull(message, "message");
    frames = List.copyOf(frames);
    if (frames.isEmpty()) {
      throw new IllegalArgumentException(exceptionType + " needs at least one stack frame");
    }
    if (!(perSession >= 0 && perSession < 1)) {
      throw new IllegalArgumentException(
          exceptionType + ": perSession must lie in [0, 1), was " + perSession);
    }
  }
}
