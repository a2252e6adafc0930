package dev.gonogo.feedback.scrub.internal;

/**
 * Values of sensitive keys written inside a string: query strings and form bodies ({@code
 * a=1&password=x}), cookie headers ({@code JSESSIONID=abc; theme=dark}), log lines ({@code token:
 * abc}, {@code Authorization: Bearer abc}), JSON pasted into a message ({@code {"password":"a b"}})
 * and source lines in stack frames ({@code password = "hunter2";}).
 *
 * <p>Scans from each {@code =} or {@code :} that is not part of {@code ==}, {@code !=}, {@code ::}
 * or {@code :=}. The key is the word before it (letters, digits, {@code _ . -}, starting with a
 * letter or {@code _}, optionally quoted, optionally ending in {@code [index]}, up to three spaces
 * before the separator). The value is what follows (after up to three spaces): a quoted string up
 * to its closing quote, otherwise everything up to whitespace or one of {@code & ; , " ' < > ? #},
 * with an {@code Authorization} scheme word ({@code Bearer}, {@code Basic}, {@code Digest}, {@code
 * Token}) taken along. The key is classified like a JSON key, so safe keys are never filtered here
 * either. Prose such as {@code "invalid password: too short"} loses a word; that is accepted.
 */
final class KeyValueTextRule implements TextRule {
  private static final int MAX_KEY = 64;
  private static final int MAX_INDEX = 32;
  private static final int MAX_SPACES = 3;
  private static final int MAX_QUOTED = 4096;
  private static final String[] SCHEMES = {"bearer", "basic", "digest", "token"};

  private final KeyClassifier keys;
  private final String replacement;

  KeyValueTextRule(KeyClassifier keys, String replacement) {
    this.keys = keys;
    this.replacement = replacement;
  }

  @Override
  public String name() {
    return "key-value-text";
  }

  @Override
  public int requiredFeatures() {
    return TextFeatures.SEPARATOR;
  }

  @Override
  public String apply(String text, Tally tally) {
    Rewriter rewriter = new Rewriter(text);
    int n = text.length();
    int consumed = 0;
    for (int separator = 0; separator < n; separator++) {
      char c = text.charAt(separator);
      if ((c != '=' && c != ':') || !isLoneSeparator(text, separator)) {
        continue;
      }
      int keyEnd = skipSpacesBack(text, separator);
      if (keyEnd > consumed && isQuote(text.charAt(keyEnd - 1))) {
        keyEnd--;
      }
      int keyStart = keyStart(text, keyEnd);
      if (keyStart < consumed || !keys.isSensitive(text.substring(keyStart, keyEnd))) {
        continue;
      }
      int valueStart = skipSpaces(text, separator + 1);
      int valueEnd;
      int close = quotedEnd(text, valueStart);
      if (close > valueStart + 1) {
        valueStart++;
        valueEnd = close;
      } else {
        if (valueStart < n && isQuote(text.charAt(valueStart))) {
          valueStart++; // an unterminated quote: the rest is a bare value
        }
        valueEnd = bareEnd(text, afterScheme(text, valueStart));
      }
      if (valueEnd > valueStart && !isReplacement(text, valueStart, valueEnd)) {
        rewriter.replace(valueStart, valueEnd, replacement);
        tally.keyValue();
      }
      consumed = Math.max(valueEnd, separator + 1);
      separator = consumed - 1;
    }
    return rewriter.result();
  }

  /** Not part of {@code ==}, {@code !=}, {@code <=}, {@code >=}, {@code ::} or {@code :=}. */
  private static boolean isLoneSeparator(String text, int at) {
    char previous = at > 0 ? text.charAt(at - 1) : ' ';
    char next = at + 1 < text.length() ? text.charAt(at + 1) : ' ';
    if (text.charAt(at) == '=') {
      return next != '=' && "=!<>:".indexOf(previous) < 0;
    }
    return next != ':' && next != '=' && previous != ':';
  }

  private static int skipSpacesBack(String text, int end) {
    int i = end;
    while (i > 0 && end - i < MAX_SPACES && isBlank(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Start of the key ending at {@code end}, or -1 if there is no well-formed key there. */
  private static int keyStart(String text, int end) {
    int i = end;
    if (i > 0 && text.charAt(i - 1) == ']') {
      int open = text.lastIndexOf('[', i - 1);
      if (open < 0 || i - open - 2 > MAX_INDEX || !allKeyChars(text, open + 1, i - 1)) {
        return -1;
      }
      i = open;
    }
    int nameEnd = i;
    while (i > 0 && isKeyChar(text.charAt(i - 1)) && nameEnd - i < MAX_KEY) {
      i--;
    }
    if (i == nameEnd || (i > 0 && isKeyChar(text.charAt(i - 1)))) {
      return -1; // empty, or longer than a key gets
    }
    char first = text.charAt(i);
    if (!Chars.isLetter(first) && first != '_') {
      return -1;
    }
    if (i > 0) {
      char before = text.charAt(i - 1);
      if (before == '[' || before == ']') {
        return -1;
      }
    }
    return i;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && i - from < MAX_SPACES && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Index of the quote closing one at {@code open}, on the same line; -1 if none. */
  private static int quotedEnd(String text, int open) {
    if (open >= text.length() || !isQuote(text.charAt(open))) {
      return -1;
    }
    char quote = text.charAt(open);
    int limit = Math.min(text.length(), open + 1 + MAX_QUOTED);
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\n' || c == '\r') {
        return -1;
      }
    }
    return -1;
  }

  /** End of an unquoted value: the next whitespace or one of {@code & ; , " ' < > ? #}. */
  private static int bareEnd(String text, int from) {
    int i = from;
    while (i < text.length() && !endsBareValue(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * After {@code "Bearer "} and its spaces if the value starts with a scheme word, else {@code
   * from}.
   */
  private static int afterScheme(String text, int from) {
    for (String scheme : SCHEMES) {
      int end = from + scheme.length();
      if (end < text.length()
          && text.regionMatches(true, from, scheme, 0, scheme.length())
          && isBlank(text.charAt(end))) {
        int i = end;
        while (i < text.length() && isBlank(text.charAt(i))) {
          i++;
        }
        return i;
      }
    }
    return from;
  }

  private boolean isReplacement(String text, int start, int end) {
    return end - start == replacement.length() && text.startsWith(replacement, start);
  }

  private static boolean allKeyChars(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isKeyChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKeyChar(char c) {
    return Chars.isWord(c) || c == '.' || c == '-';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean endsBareValue(char c) {
    return Character.isWhitespace(c) || "&;,\"'<>?#".indexOf(c) >= 0;
  }
}
