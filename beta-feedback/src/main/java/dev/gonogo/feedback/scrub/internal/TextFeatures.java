package dev.gonogo.feedback.scrub.internal;

/**
 * One pass over a string that records which rules could match it. Over-approximates: a set bit
 * means "worth running the rule", never "contains personal data".
 */
final class TextFeatures {
  /** An {@code @} or a URL-encoded {@code %40}. */
  static final int AT = 1;

  /** An {@code =} or a {@code :}, the separators of key=value and key: value text. */
  static final int SEPARATOR = 1 << 1;

  /** Two or more colons: the least an IPv6 address ({@code ::1}) has. */
  static final int COLONS = 1 << 2;

  /** Three or more dots and four or more digits: the least an IPv4 address has. */
  static final int DOTTED_DIGITS = 1 << 3;

  /** Thirteen or more digits: the least a card number has. */
  static final int MANY_DIGITS = 1 << 4;

  private TextFeatures() {}

  static int of(String text) {
    int digits = 0;
    int dots = 0;
    int colons = 0;
    int features = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.') {
        dots++;
      } else if (c == ':') {
        colons++;
        features |= SEPARATOR;
      } else if (c == '=') {
        features |= SEPARATOR;
      } else if (c == '@'
          || (c == '%' && i + 2 < n && text.charAt(i + 1) == '4' && text.charAt(i + 2) == '0')) {
        features |= AT;
      }
    }
    if (colons >= 2) {
      features |= COLONS;
    }
    if (dots >= 3 && digits >= 4) {
      features |= DOTTED_DIGITS;
    }
    if (digits >= 13) {
      features |= MANY_DIGITS;
    }
    return features;
  }
}
