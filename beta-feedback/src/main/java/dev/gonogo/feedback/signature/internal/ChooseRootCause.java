package dev.gonogo.feedback.signature.internal;

import dev.gonogo.feedback.signature.CrashException;
import dev.gonogo.feedback.signature.StackFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the exception to group on — the root cause — and takes its frames, crashing frame first.
 *
 * <p><strong>Why the root cause.</strong> Sentry lists chained exceptions root cause first. On the
 * JVM the outer exceptions of a chain are wrappers whose type depends on the path the failure took,
 * not on the fault: the same {@code NullPointerException} arrives bare, wrapped in a {@code
 * CompletionException} by a {@code CompletableFuture}, in an {@code InvocationTargetException} by
 * reflection, or in a {@code RuntimeException} by a framework's catch-and-rethrow. Grouping on the
 * root cause puts these together and names the type a developer has to fix. What a wrapper tells —
 * which feature failed — is not lost: a Java cause carries its complete stack, so its in-app frames
 * still show the calling code. The same reasoning holds for JavaScript's {@code Error.cause}.
 *
 * <p>Exceptions with neither type, value nor frame are passed over. When the root cause has no
 * frames (some SDKs drop a cause's stack), the frames come from the nearest outer exception that
 * has some, and a note says so. At most {@value #MAX_FRAMES} frames nearest the crash are kept, as
 * Socorro does, so a stack overflow's thousands of frames cost no more than a normal crash.
 */
final class ChooseRootCause implements Rule {
  static final int MAX_FRAMES = 200;

  @Override
  public void apply(SignatureState state) {
    List<CrashException> chain = state.input().exceptions();
    int chosen = firstWithContent(chain);
    if (chosen < 0) {
      state.note(
          chain.isEmpty()
              ? "the crash has no exception"
              : "none of the " + chain.size() + " exceptions has a type, value or frame");
      return;
    }
    CrashException root = chain.get(chosen);
    String type = qualifiedType(root);
    state.chooseException(root, type);

    int framesFrom = chosen;
    while (framesFrom < chain.size() && chain.get(framesFrom).frames().isEmpty()) {
      framesFrom++;
    }
    List<StackFrame> sent = framesFrom < chain.size() ? chain.get(framesFrom).frames() : List.of();
    List<WorkingFrame> frames = new ArrayList<>();
    for (int i = sent.size() - 1; i >= 0 && frames.size() < MAX_FRAMES; i--) {
      frames.add(WorkingFrame.of(sent.get(i), state.input().platform()));
    }
    state.frames(frames);

    StringBuilder note = new StringBuilder("chose ").append(label(type));
    if (chain.size() == 1) {
      note.append(", the only exception");
    } else {
      note.append(", the root cause of ")
          .append(chain.size())
          .append(" chained exceptions (outermost ")
          .append(label(qualifiedType(chain.get(chain.size() - 1))))
          .append(')');
    }
    note.append("; ").append(frames.size()).append(" frames");
    if (sent.size() > frames.size()) {
      note.append(" nearest the crash of ").append(sent.size());
    }
    if (framesFrom != chosen && framesFrom < chain.size()) {
      note.append(", taken from ")
          .append(label(qualifiedType(chain.get(framesFrom))))
          .append(" because the root cause has none");
    }
    state.note(note.toString());
  }

  private static int firstWithContent(List<CrashException> chain) {
    for (int i = 0; i < chain.size(); i++) {
      CrashException exception = chain.get(i);
      if (Names.clean(exception.type()) != null
          || Names.clean(exception.value()) != null
          || !exception.frames().isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The type with its module when sent apart: Sentry Java sends {@code type=NullPointerException,
   * module=java.lang}, which becomes {@code java.lang.NullPointerException}.
   */
  static String qualifiedType(CrashException exception) {
    String type = Names.clean(exception.type());
    String module = Names.clean(exception.module());
    if (type == null || module == null || type.contains(".")) {
      return type;
    }
    return module + "." + type;
  }

  private static String label(String type) {
    return type == null ? "an exception without type" : type;
  }
}
