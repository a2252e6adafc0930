package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.feedback.sentry.internal.Json;
import java.util.List;
import java.util.Optional;

/**
 * One value of an event's exception chain. The chain is ordered oldest first: the innermost cause
 * first, the exception that was thrown to the handler last.
 *
 * @param module the package or module of the type, e.g. {@code java.lang}
 * @param frames the stack trace, oldest call first, crashing frame last; empty when none was sent
 */
public record SentryException(
    Optional<String> type,
    Optional<String> value,
    Optional<String> module,
    Optional<Mechanism> mechanism,
    List<StackFrame> frames) {

  public SentryException {
    frames = List.copyOf(frames);
  }

  /**
   * How the exception was captured. The Java SDK marks the outermost exception of a crash {@code
   * UncaughtExceptionHandler, handled: false} and its causes {@code chained} without {@code
   * handled}.
   *
   * @param handled false means it reached no handler: a crash; empty when not sent
   */
  public record Mechanism(Optional<String> type, Optional<Boolean> handled) {
    public boolean isUnhandled() {
      return handled.isPresent() && !handled.get();
    }
  }

  static SentryException of(JsonNode value) {
    Optional<Mechanism> mechanism =
        Json.object(value, "mechanism")
            .map(m -> new Mechanism(Json.text(m, "type"), Json.bool(m, "handled")));
    List<StackFrame> frames =
        Json.object(value, "stacktrace")
            .map(st -> Json.array(st, "frames"))
            .orElse(List.of())
            .stream()
            .filter(JsonNode::isObject)
            .map(StackFrame::of)
            .toList();
    return new SentryException(
        Json.text(value, "type"),
        Json.text(value, "value"),
        Json.text(value, "module"),
        mechanism,
        frames);
  }

  /**
   * "IllegalStateException: cart total negative", the way Sentry titles an issue: the type without
   * its module, then the value; whichever part is present.
   */
  public String title() {
    String t = type.orElse("");
    if (value.isEmpty()) {
      return t.isEmpty() ? "(unnamed exception)" : t;
    }
    return t.isEmpty() ? value.get() : t + ": " + value.get();
  }

  /** Whether this exception's mechanism says {@code handled: false}. */
  public boolean isUnhandled() {
    return mechanism.map(Mechanism::isUnhandled).orElse(false);
  }
}
