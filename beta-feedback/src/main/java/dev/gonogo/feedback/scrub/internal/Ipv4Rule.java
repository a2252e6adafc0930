package dev.gonogo.feedback.scrub.internal;

/**
 * Dotted-quad IPv4 addresses with octets 0-255 and no leading zeros. A quad preceded by a letter,
 * digit, {@code _} or dot ({@code v10.0.0.1}, {@code 1.10.0.0.1}) or followed by one of those or by
 * a dot and a digit ({@code 10.0.0.1.5}) is a version number, not an address. A bare four-part
 * version in free text ({@code "upgrade to 10.0.0.1"}) cannot be told from an address and is
 * replaced; fields that hold versions are on the safe list.
 */
final class Ipv4Rule implements TextRule {
  private final String replacement;

  Ipv4Rule(String replacement) {
    this.replacement = replacement;
  }

  @Override
  public String name() {
    return "ipv4";
  }

  @Override
  public int requiredFeatures() {
    return TextFeatures.DOTTED_DIGITS;
  }

  @Override
  public String apply(String text, Tally tally) {
    Rewriter rewriter = new Rewriter(text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Chars.isDigit(c)) {
        i++;
        continue;
      }
      boolean startsToken =
          i == 0 || !(Chars.isWord(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
      int end = startsToken ? quadEnd(text, i) : -1;
      if (end > 0
          && !Chars.isWordAt(text, end)
          && !(end < n && text.charAt(end) == '.' && Chars.isDigitAt(text, end + 1))) {
        rewriter.replace(i, end, replacement);
        tally.ip();
        i = end;
      } else {
        // No address can start inside this token: every later position follows a word char or dot.
        while (i < n && (Chars.isWord(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
      }
    }
    return rewriter.result();
  }

  /** End of the dotted quad starting at {@code from}, or -1. */
  private static int quadEnd(CharSequence text, int from) {
    int i = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= text.length() || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int end = octetEnd(text, i);
      if (end < 0) {
        return -1;
      }
      i = end;
    }
    return i;
  }

  /** End of an octet 0-255 without leading zero at {@code from}, or -1. */
  private static int octetEnd(CharSequence text, int from) {
    int end = Chars.digitsEnd(text, from);
    int length = end - from;
    if (length == 0 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < end; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value <= 255 ? end : -1;
  }

  /** True if {@code text[from, to)} is exactly a dotted quad with octets 0-255. */
  static boolean isDottedQuad(CharSequence text, int from, int to) {
    return quadEnd(text, from) == to;
  }
}
