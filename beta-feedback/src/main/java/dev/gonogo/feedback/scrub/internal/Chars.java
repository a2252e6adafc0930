package dev.gonogo.feedback.scrub.internal;

/** ASCII character classes the text rules scan with; {@code \w} means {@code [A-Za-z0-9_]}. */
final class Chars {
  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  static boolean isWord(char c) {
    return isLetterOrDigit(c) || c == '_';
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** True if {@code text[index]} exists and is a word character. */
  static boolean isWordAt(CharSequence text, int index) {
    return index >= 0 && index < text.length() && isWord(text.charAt(index));
  }

  /** True if {@code text[index]} exists and is a digit. */
  static boolean isDigitAt(CharSequence text, int index) {
    return index >= 0 && index < text.length() && isDigit(text.charAt(index));
  }

  /** End of the run of digits starting at {@code from}. */
  static int digitsEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
