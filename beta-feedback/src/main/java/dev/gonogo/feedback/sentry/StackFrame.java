package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.feedback.sentry.internal.Json;
import java.util.Optional;

/**
 * One frame of a stack trace. Frames are listed oldest call first, the crashing frame last.
 *
 * @param packageName the {@code package} field: the binary or library image, for native frames
 */
public record StackFrame(
    Optional<String> function,
    Optional<String> module,
    Optional<String> filename,
    Optional<String> absPath,
    Optional<Integer> lineno,
    Optional<Integer> colno,
    Optional<Boolean> inApp,
    Optional<String> packageName,
    Optional<String> instructionAddr,
    Optional<String> platform) {

  /** Reads a frame tolerantly: fields of the wrong type are absent. */
  static StackFrame of(JsonNode frame) {
    return new StackFrame(
        Json.text(frame, "function"),
        Json.text(frame, "module"),
        Json.text(frame, "filename"),
        Json.text(frame, "abs_path"),
        Json.integer(frame, "lineno"),
        Json.integer(frame, "colno"),
        Json.bool(frame, "in_app"),
        Json.text(frame, "package"),
        Json.text(frame, "instruction_addr"),
        Json.text(frame, "platform"));
  }

  /** True only when the SDK marked the frame as the application's own code. */
  public boolean isInApp() {
    return inApp.orElse(false);
  }
}
