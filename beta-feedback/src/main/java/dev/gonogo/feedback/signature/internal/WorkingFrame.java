package dev.gonogo.feedback.signature.internal;

import dev.gonogo.feedback.signature.StackFrame;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A frame being worked on: the frame as sent plus the names rules have normalised so far.
 *
 * <p>{@code module} holds where the function lives, in the family's terms: the class on the JVM,
 * the script file in JavaScript, the binary for native code. It starts as sent and normalisers
 * rewrite it. {@code function} likewise.
 */
public final class WorkingFrame {
  private final StackFrame source;
  private final PlatformFamily family;
  private String module;
  private String function;

  private WorkingFrame(StackFrame source, PlatformFamily family) {
    this.source = source;
    this.family = family;
    this.module = Names.clean(initialModule(source, family));
    this.function = Names.clean(source.function());
  }

  public static WorkingFrame of(StackFrame source, String crashPlatform) {
    return new WorkingFrame(source, PlatformFamily.of(source, crashPlatform));
  }

  private static String initialModule(StackFrame frame, PlatformFamily family) {
    return switch (family) {
      case JAVASCRIPT -> firstNonBlank(frame.filename(), frame.absPath(), frame.module());
      case NATIVE -> firstNonBlank(frame.packageName(), frame.module(), frame.filename());
      case JAVA, OTHER -> firstNonBlank(frame.module(), frame.filename());
    };
  }

  private static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }

  public StackFrame source() {
    return source;
  }

  public PlatformFamily family() {
    return family;
  }

  public boolean inApp() {
    return Boolean.TRUE.equals(source.inApp());
  }

  public String module() {
    return module;
  }

  public String function() {
    return function;
  }

  public void module(String module) {
    this.module = Names.clean(module);
  }

  public void function(String function) {
    this.function = Names.clean(function);
  }

  /**
   * The frame's identity for grouping: {@code class.method} on the JVM, {@code file|function} in
   * JavaScript, {@code binary|function} for native code. Never contains line numbers or addresses.
   */
  public String groupingKey() {
    return switch (family) {
      case JAVA, OTHER -> dotted();
      case JAVASCRIPT, NATIVE -> {
        if (module == null) {
          yield function == null ? Names.UNKNOWN : "|" + function;
        }
        yield function == null ? module : module + "|" + function;
      }
    };
  }

  /**
   * The frame as a title shows it: {@code com.acme.Reply.onTimeout}, {@code renderProfile
   * (main.js)}, {@code Renderer::drawFrame (libapp.so)}.
   */
  public String displayName() {
    return switch (family) {
      case JAVA, OTHER -> dotted();
      case JAVASCRIPT, NATIVE -> {
        if (function == null) {
          yield module == null ? Names.UNKNOWN : module;
        }
        yield module == null ? function : function + " (" + module + ")";
      }
    };
  }

  private String dotted() {
    if (module == null) {
      return function == null ? Names.UNKNOWN : function;
    }
    return function == null ? module : module + "." + function;
  }

  /**
   * The strings a skip-list pattern is matched against: the normalised names, {@code
   * module.function}, and the file, path, module and package as sent (so a pattern can name a
   * directory such as {@code *}{@code /node_modules/regenerator-runtime/*}).
   */
  public Set<String> matchCandidates() {
    Set<String> candidates = new LinkedHashSet<>();
    add(candidates, function);
    add(candidates, module);
    if (module != null && function != null) {
      candidates.add(module + "." + function);
    }
    add(candidates, source.function());
    add(candidates, source.module());
    add(candidates, source.filename());
    add(candidates, source.absPath());
    add(candidates, source.packageName());
    return candidates;
  }

  private static void add(Set<String> candidates, String value) {
    if (value != null && !value.isBlank()) {
      candidates.add(value.trim());
    }
  }

  @Override
  public String toString() {
    return family.label() + ":" + groupingKey();
  }
}
