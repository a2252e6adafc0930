package dev.gonogo.feedback.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One exception of a crash.
 *
 * @param type the exception type as sent, e.g. {@code NullPointerException}, {@code TypeError},
 *     {@code SIGSEGV}; may be {@code null}
 * @param value the exception message; may be {@code null}. Used for grouping only when the
 *     exception has no usable frame.
 * @param module the type's namespace when sent apart from it (Sentry Java sends {@code java.lang}
 *     here and {@code NullPointerException} in {@code type}); may be {@code null}
 * @param frames the stack, ordered as Sentry sends it: <strong>oldest call first, the crashing
 *     frame last</strong>; {@code null} means no stack. Never contains {@code null}.
 */
public record CrashException(String type, String value, String module, List<StackFrame> frames) {

  public CrashException {
    frames = copyOf(frames, type);
  }

  /** An exception with a stack (oldest call first, crashing frame last). */
  public static CrashException of(String type, String value, List<StackFrame> frames) {
    return new CrashException(type, value, null, frames);
  }

  private static List<StackFrame> copyOf(List<StackFrame> frames, String type) {
    if (frames == null) {
      return List.of();
    }
    List<StackFrame> copy = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      StackFrame frame = frames.get(i);
      if (frame == null) {
        throw new IllegalArgumentException(
            "frames[" + i + "] of exception " + type + " is null; leave a frame out instead");
      }
      copy.add(frame);
    }
    return Collections.unmodifiableList(copy);
  }
}
