package dev.gonogo.feedback.sentry.internal;

/** Quotes a client-supplied value for a message: escaped, and cut after 64 characters. */
public final class Quote {
  private static final int MAX = 64;

  private Quote() {}

  public static String of(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8).append('"');
    int end = Math.min(value.length(), MAX);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (value.length() > MAX) {
      out.append("… (").append(value.length()).append(" chars)");
    }
    return out.toString();
  }
}
