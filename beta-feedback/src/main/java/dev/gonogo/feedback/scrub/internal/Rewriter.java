package dev.gonogo.feedback.scrub.internal;

/** Copies a string with some ranges replaced; allocates only once the first range is replaced. */
final class Rewriter {
  private final String text;
  private StringBuilder out;
  private int copied;

  Rewriter(String text) {
    this.text = text;
  }

  /** Replaces {@code [start, end)}; ranges must come in order and not overlap. */
  void replace(int start, int end, String replacement) {
    if (out == null) {
      out = new StringBuilder(text.length());
    }
    out.append(text, copied, start).append(replacement);
    copied = end;
  }

  /** The rewritten text, or the original instance if nothing was replaced. */
  String result() {
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }
}
