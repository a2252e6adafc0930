package dev.gonogo.feedback.scrub.internal;

/**
 * IPv6 addresses in every textual form: full, compressed ({@code ::1}, {@code
 * 2001:db8::ff00:42:8329}), with an embedded IPv4 ({@code ::ffff:192.0.2.128}) and with a zone
 * ({@code fe80::1%eth0}).
 *
 * <p>A candidate is a run of hex digits, colons and dots with no letter, digit, {@code _}, colon or
 * dot right before or after it; the run is then parsed. Times ({@code 12:00:00}) and MAC addresses
 * ({@code 00:1a:2b:3c:4d:5e}) fail the parse. A candidate without any decimal digit is left alone,
 * so {@code ::} and names such as {@code Abc::Def} survive; an address made of hex letters only
 * ({@code dead::beef}) is missed.
 */
final class Ipv6Rule implements TextRule {
  private static final int MIN_LENGTH = 3; // ::1
  private static final int MAX_ZONE = 32;

  private final String replacement;

  Ipv6Rule(String replacement) {
    this.replacement = replacement;
  }

  @Override
  public String name() {
    return "ipv6";
  }

  @Override
  public int requiredFeatures() {
    return TextFeatures.COLONS;
  }

  @Override
  public String apply(String text, Tally tally) {
    Rewriter rewriter = new Rewriter(text);
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!inRun(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int colons = 0;
      boolean digit = false;
      while (i < n && inRun(text.charAt(i))) {
        colons += text.charAt(i) == ':' ? 1 : 0;
        digit |= Chars.isDigit(text.charAt(i));
        i++;
      }
      int runEnd = i;
      if (colons < 2 || !digit || runEnd - start < MIN_LENGTH || Chars.isWordAt(text, start - 1)) {
        continue;
      }
      int zoneEnd = zoneEnd(text, runEnd);
      boolean zoned = zoneEnd > runEnd;
      if (!zoned && Chars.isWordAt(text, runEnd)) {
        continue;
      }
      int addressEnd = runEnd;
      while (!zoned && addressEnd > start && text.charAt(addressEnd - 1) == '.') {
        addressEnd--; // a sentence may end right after the address: "from ::1."
      }
      if (isIpv6(text, start, addressEnd)) {
        int end = zoned ? zoneEnd : addressEnd;
        rewriter.replace(start, end, replacement);
        tally.ip();
        i = Math.max(i, end);
      }
    }
    return rewriter.result();
  }

  private static boolean inRun(char c) {
    return Chars.isHex(c) || c == ':' || c == '.';
  }

  /** End of a zone ({@code %eth0}) right at {@code from}, or {@code from} if there is none. */
  private static int zoneEnd(String text, int from) {
    if (from >= text.length() || text.charAt(from) != '%') {
      return from;
    }
    int i = from + 1;
    while (i < text.length() && Chars.isWord(text.charAt(i)) && i - from <= MAX_ZONE) {
      i++;
    }
    return i > from + 1 && !Chars.isWordAt(text, i) ? i : from;
  }

  /**
   * True if {@code text[from, to)} is an IPv6 address (RFC 4291 section 2.2): eight groups of one
   * to four hex digits, or fewer with exactly one {@code ::}; the last two groups may be a dotted
   * quad.
   */
  static boolean isIpv6(CharSequence text, int from, int to) {
    if (to - from < 2) {
      return false;
    }
    int groups = 0;
    boolean compressed = false;
    int i = from;
    if (text.charAt(i) == ':') {
      if (text.charAt(i + 1) != ':') {
        return false;
      }
      compressed = true;
      i += 2;
    }
    while (i < to) {
      int start = i;
      while (i < to && i - start <= 4 && Chars.isHex(text.charAt(i))) {
        i++;
      }
      if (i < to && text.charAt(i) == '.') {
        if (!Ipv4Rule.isDottedQuad(text, start, to)) {
          return false;
        }
        groups += 2;
        break;
      }
      int length = i - start;
      if (length == 0 || length > 4) {
        return false;
      }
      groups++;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i == to) {
        return false; // a single trailing colon
      }
      if (text.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
      }
    }
    return compressed ? groups <= 7 : groups == 8;
  }
}
