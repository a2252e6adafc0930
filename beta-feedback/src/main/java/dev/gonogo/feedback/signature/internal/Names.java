package dev.gonogo.feedback.signature.internal;

import java.util.regex.Pattern;

/** Normalisation shared by every family. */
final class Names {
  /** Shown for a frame with neither module nor function. */
  static final String UNKNOWN = "<unknown>";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SOURCE_LOCATION = Pattern.compile("\\s*\\([^()]*:\\d+(:\\d+)?\\)$");
  private static final Pattern LINE_COLUMN = Pattern.compile(":\\d+(:\\d+)?$");

  private Names() {}

  /** Trims and collapses whitespace; blank becomes {@code null}. */
  static String clean(String name) {
    if (name == null) {
      return null;
    }
    String cleaned = WHITESPACE.matcher(name).replaceAll(" ").trim();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * Drops a source location some SDKs glue onto names: {@code onTimeout(Reply.java:42)} → {@code
   * onTimeout}, {@code main.js:1:2345} → {@code main.js}.
   */
  static String withoutLineNumbers(String name) {
    if (name == null) {
      return null;
    }
    String stripped = SOURCE_LOCATION.matcher(name).replaceFirst("");
    return LINE_COLUMN.matcher(stripped).replaceFirst("");
  }

  /** The last segment of a {@code /} or {@code \} separated path. */
  static String basename(String path) {
    if (path == null) {
      return null;
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return clean(path.substring(slash + 1));
  }
}
