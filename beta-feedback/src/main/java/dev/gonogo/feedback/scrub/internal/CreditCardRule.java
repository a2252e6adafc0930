package dev.gonogo.feedback.scrub.internal;

/**
 * Payment card numbers: 13 to 19 digits written together, as four groups of four ({@code 4111 1111
 * 1111 1111}, {@code 4111-1111-1111-1111}) or as 4-6-4/5 ({@code 3782 822463 10005}), that pass the
 * Luhn check and start like a card of a major network (2221-2720, 3, 4, 5 or 6).
 *
 * <p>The two checks keep most other long numbers: Luhn rejects nine in ten random numbers, and the
 * prefix rejects epoch-millisecond timestamps (they start with 1 until 2033) and compact dates such
 * as {@code 20240611093000123}. A number glued to letters, dots or dashes ({@code
 * ORD-4111111111111111}, a UUID part, a decimal fraction) is an identifier, not a card. An order
 * number that happens to pass both checks is replaced: the price of not storing card numbers.
 */
final class CreditCardRule implements TextRule {
  private final String replacement;

  CreditCardRule(String replacement) {
    this.replacement = replacement;
  }

  @Override
  public String name() {
    return "credit-card";
  }

  @Override
  public int requiredFeatures() {
    return TextFeatures.MANY_DIGITS;
  }

  @Override
  public String apply(String text, Tally tally) {
    Rewriter rewriter = new Rewriter(text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Chars.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int firstGroupEnd = Chars.digitsEnd(text, i);
      char before = i == 0 ? ' ' : text.charAt(i - 1);
      if (!Chars.isWord(before) && before != '.' && before != '-') {
        int end = candidateEnd(text, i, firstGroupEnd);
        if (end > 0 && isCardNumber(text, i, end)) {
          rewriter.replace(i, end, replacement);
          tally.creditCard();
          i = end;
          continue;
        }
      }
      i = firstGroupEnd;
    }
    return rewriter.result();
  }

  /**
   * End of a card-shaped number starting at {@code from}: 13-19 digits, 4-4-4-4 or 4-6-4/5 with one
   * kind of separator (space or dash) throughout, followed by neither a word character nor a dot or
   * dash and a digit. -1 if there is none.
   */
  private static int candidateEnd(String text, int from, int firstGroupEnd) {
    int length = firstGroupEnd - from;
    int end = -1;
    if (length >= 13 && length <= 19) {
      end = firstGroupEnd;
    } else if (length == 4 && firstGroupEnd < text.length()) {
      char separator = text.charAt(firstGroupEnd);
      if (separator == ' ' || separator == '-') {
        end = fourFourFourFour(text, firstGroupEnd, separator);
        if (end < 0) {
          end = fourSixFive(text, firstGroupEnd, separator);
        }
      }
    }
    return end > 0 && endsNumber(text, end) ? end : -1;
  }

  /** The rest of {@code 4111 1111 1111 1111} after its first group, or -1. */
  private static int fourFourFourFour(String text, int firstGroupEnd, char separator) {
    int end = firstGroupEnd;
    for (int group = 0; group < 3 && end > 0; group++) {
      end = group(text, end, separator, 4, 4);
    }
    return end;
  }

  /** The rest of {@code 3782 822463 10005} (or 14-digit 4-6-4) after its first group, or -1. */
  private static int fourSixFive(String text, int firstGroupEnd, char separator) {
    int end = group(text, firstGroupEnd, separator, 6, 6);
    return end < 0 ? -1 : group(text, end, separator, 4, 5);
  }

  /** {@code separator} then a run of {@code min}-{@code max} digits at {@code from}, or -1. */
  private static int group(String text, int from, char separator, int min, int max) {
    if (from >= text.length() || text.charAt(from) != separator) {
      return -1;
    }
    int end = Chars.digitsEnd(text, from + 1);
    int length = end - from - 1;
    return length >= min && length <= max ? end : -1;
  }

  /** Not glued to what follows: no word character, no {@code .5} or {@code -5}. */
  private static boolean endsNumber(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    char next = text.charAt(end);
    return !Chars.isWord(next) && !((next == '.' || next == '-') && Chars.isDigitAt(text, end + 1));
  }

  /** Digits of {@code text[from, to)}, separators skipped, pass the prefix and Luhn checks. */
  static boolean isCardNumber(CharSequence text, int from, int to) {
    int digits = 0;
    int prefix = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits < 4) {
          prefix = prefix * 10 + (c - '0');
        }
        digits++;
      }
    }
    return digits >= 13 && digits <= 19 && hasNetworkPrefix(prefix) && passesLuhn(text, from, to);
  }

  /** First four digits: 2221-2720 (Mastercard), or a first digit of 3, 4, 5 or 6. */
  private static boolean hasNetworkPrefix(int firstFour) {
    int first = firstFour / 1000;
    return (first >= 3 && first <= 6) || (firstFour >= 2221 && firstFour <= 2720);
  }

  /** The Luhn (mod 10) check over the digits of {@code text[from, to)}. */
  static boolean passesLuhn(CharSequence text, int from, int to) {
    int sum = 0;
    boolean doubled = false;
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
