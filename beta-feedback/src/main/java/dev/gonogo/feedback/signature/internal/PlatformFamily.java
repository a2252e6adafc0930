package dev.gonogo.feedback.signature.internal;

import dev.gonogo.feedback.signature.StackFrame;
import java.util.Locale;
import java.util.Set;

/** The naming conventions a frame follows; decides which normaliser and skip list apply. */
public enum PlatformFamily {
  /** JVM languages: class + method names ({@code com.acme.Reply.onTimeout}). */
  JAVA("java"),
  /** Browser and Node.js: functions in (often bundled) script files. */
  JAVASCRIPT("javascript"),
  /** C, C++, Objective-C, Swift: symbols in binaries. */
  NATIVE("native"),
  /** Anything else; frames are grouped on module and function as sent. */
  OTHER("other");

  private static final Set<String> JAVA_PLATFORMS =
      Set.of("java", "android", "kotlin", "scala", "groovy", "clojure", "jvm");
  private static final Set<String> JAVASCRIPT_PLATFORMS =
      Set.of("javascript", "node", "nodejs", "typescript", "browser", "deno", "bun");
  private static final Set<String> NATIVE_PLATFORMS =
      Set.of("native", "c", "cpp", "c++", "objc", "cocoa", "swift");

  private final String label;

  PlatformFamily(String label) {
    this.label = label;
  }

  /** Lowercase name used in notes and in the names of skip-list files. */
  public String label() {
    return label;
  }

  /**
   * The family of one frame: the frame's own platform, else the crash's, else what the frame looks
   * like (a {@code .java} file, a {@code .js} URL, an instruction address).
   */
  public static PlatformFamily of(StackFrame frame, String crashPlatform) {
    PlatformFamily declared = named(frame.platform());
    if (declared == OTHER) {
      declared = named(crashPlatform);
    }
    return declared != OTHER ? declared : inferred(frame);
  }

  /** The family a platform name belongs to; {@link #OTHER} for unknown or {@code null} names. */
  public static PlatformFamily named(String platform) {
    if (platform == null) {
      return OTHER;
    }
    String name = platform.trim().toLowerCase(Locale.ROOT);
    if (JAVA_PLATFORMS.contains(name)) {
      return JAVA;
    }
    if (JAVASCRIPT_PLATFORMS.contains(name)) {
      return JAVASCRIPT;
    }
    if (NATIVE_PLATFORMS.contains(name)) {
      return NATIVE;
    }
    return OTHER;
  }

  private static PlatformFamily inferred(StackFrame frame) {
    String file = lower(frame.filename() != null ? frame.filename() : frame.absPath());
    if (file.matches(".*\\.(java|kt|kts|scala|groovy|clj)")) {
      return JAVA;
    }
    if (file.matches(".*\\.(js|mjs|cjs|jsx|ts|tsx|vue)([?#].*)?")
        || file.startsWith("node:")
        || file.startsWith("webpack")
        || file.startsWith("http://")
        || file.startsWith("https://")) {
      return JAVASCRIPT;
    }
    String binary = lower(frame.packageName());
    if (frame.instructionAddr() != null || binary.matches(".*\\.(so|dylib|dll|exe)(\\.[0-9.]+)?")) {
      return NATIVE;
    }
    return OTHER;
  }

  private static String lower(String text) {
    return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
  }
}
