package dev.gonogo.feedback.ingest.internal;

import dev.gonogo.feedback.sentry.SentryEvent;
import dev.gonogo.feedback.sentry.SentryException;
import dev.gonogo.feedback.signature.CrashException;
import dev.gonogo.feedback.signature.CrashInput;
import dev.gonogo.feedback.signature.StackFrame;
import java.util.List;

/**
 * The wire model's exception chain as the signature pipeline's input. Both are root cause first.
 */
final class CrashInputs {
  private CrashInputs() {}

  static CrashInput of(SentryEvent event) {
    List<CrashException> chain = event.exceptions().stream().map(CrashInputs::exception).toList();
    return new CrashInput(event.platform().orElse(null), chain, event.message().orElse(null));
  }

  private static CrashException exception(SentryException e) {
    return new CrashException(
        e.type().orElse(null),
        e.value().orElse(null),
        e.module().orElse(null),
        e.frames().stream().map(CrashInputs::frame).toList());
  }

  private static StackFrame frame(dev.gonogo.feedback.sentry.StackFrame f) {
    return new StackFrame(
        f.function().orElse(null),
        f.module().orElse(null),
        f.filename().orElse(null),
        f.absPath().orElse(null),
        f.lineno().orElse(null),
        f.colno().orElse(null),
        f.inApp().orElse(null),
        f.packageName().orElse(null),
        f.instructionAddr().orElse(null),
        f.platform().orElse(null));
  }
}
