package dev.gonogo.feedback.scrub.internal;

/**
 * E-mail addresses, also URL-encoded ({@code jane%40example.com}). The domain must end in a
 * top-level domain of letters, so a Java module such as {@code java.base@17.0.2} or a release such
 * as {@code shop@1.4.0} is not an address; {@code shop@1.0.0.beta} is, outside the safe keys.
 * Internationalised (non-ASCII) addresses are not recognised.
 *
 * <p>Scans from each {@code @}: left over the local part (letters, digits and {@code _ . % + -}, at
 * most 64), right over up to nine dot-separated labels of which the last, two to 24 letters, must
 * not be followed by a letter, digit, {@code _} or {@code -}.
 */
final class EmailRule implements TextRule {
  private static final int MAX_LOCAL = 64;
  private static final int MAX_LABELS = 9;
  private static final int MAX_LABEL = 63;

  private final String replacement;

  EmailRule(String replacement) {
    this.replacement = replacement;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public int requiredFeatures() {
    return TextFeatures.AT;
  }

  @Override
  public String apply(String text, Tally tally) {
    Rewriter rewriter = new Rewriter(text);
    int searched = 0;
    int replacedEnd = 0;
    for (int at = nextAt(text, searched); at >= 0; at = nextAt(text, searched)) {
      int domainStart = at + (text.charAt(at) == '@' ? 1 : 3);
      int start = localStart(text, at);
      int end = start >= replacedEnd ? domainEnd(text, domainStart) : -1;
      if (end > 0) {
        rewriter.replace(start, end, replacement);
        tally.email();
        replacedEnd = end;
        searched = end;
      } else {
        searched = domainStart;
      }
    }
    return rewriter.result();
  }

  /** Index of the next {@code @} or {@code %40} at or after {@code from}, or -1. */
  private static int nextAt(String text, int from) {
    for (int i = from, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '@'
          || (c == '%' && i + 2 < n && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0')) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLocal(char c) {
    return Chars.isWord(c) || c == '.' || c == '%' || c == '+' || c == '-';
  }

  /** Start of the local part ending at {@code at}, or -1 if it is empty or too long. */
  private static int localStart(String text, int at) {
    int i = at;
    while (i > 0 && isLocal(text.charAt(i - 1))) {
      i--;
      if (at - i > MAX_LOCAL) {
        return -1;
      }
    }
    return i < at ? i : -1;
  }

  /** End of the longest domain at {@code from} that ends in a letters-only TLD, or -1. */
  private static int domainEnd(String text, int from) {
    int n = text.length();
    int i = from;
    int end = -1;
    for (int labels = 1; labels <= MAX_LABELS; labels++) {
      int start = i;
      boolean lettersOnly = true;
      while (i < n && (Chars.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
        lettersOnly &= Chars.isLetter(text.charAt(i));
        i++;
      }
      int length = i - start;
      if (length == 0
          || length > MAX_LABEL
          || text.charAt(start) == '-'
          || text.charAt(i - 1) == '-') {
        return end;
      }
      if (labels >= 2 && lettersOnly && length >= 2 && length <= 24 && !Chars.isWordAt(text, i)) {
        end = i;
      }
      if (i + 1 >= n || text.charAt(i) != '.') {
        return end;
      }
      i++;
    }
    return end;
  }
}
