package dev.gonogo.feedback.signature.internal;

/**
 * Cuts a title longer than the limit, ending it in {@code ...}, as Socorro's {@code SigTruncate}
 * does. Runs last, after every rule that may lengthen the title. Only the title is cut: the
 * fingerprint was computed from the full components.
 */
final class TruncateTitle implements Rule {
  static final String ELLIPSIS = "...";

  private final int maxLength;

  TruncateTitle(int maxLength) {
    if (maxLength <= ELLIPSIS.length()) {
      throw new IllegalArgumentException(
          "maxLength is " + maxLength + "; it must leave room for the ellipsis");
    }
    this.maxLength = maxLength;
  }

  @Override
  public void apply(SignatureState state) {
    String title = state.title();
    if (title == null) {
      state.note("no title to truncate");
      return;
    }
    if (title.length() <= maxLength) {
      state.note("title fits in " + maxLength + " characters");
      return;
    }
    state.title(cut(title, maxLength));
    state.note("title cut from " + title.length() + " to " + maxLength + " characters");
  }

  /** The first characters of {@code title} plus {@code ...}, {@code maxLength} in all. */
  static String cut(String title, int maxLength) {
    if (title.length() <= maxLength) {
      return title;
    }
    int end = maxLength - ELLIPSIS.length();
    if (Character.isHighSurrogate(title.charAt(end - 1))) {
      end--;
    }
    return title.substring(0, end) + ELLIPSIS;
  }
}
