package dev.gonogo.feedback.scrub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link Scrubber#scrub} call replaced or removed, per kind.
 *
 * @param emails e-mail addresses replaced inside strings
 * @param ips IPv4 and IPv6 addresses replaced inside strings, plus IP address fields removed
 *     ({@code user.ip_address}, {@code request.env.REMOTE_ADDR}, {@code attrs.ip_address})
 * @param creditCards card numbers replaced inside strings
 * @param keyValues values replaced because of their key name: one per string or number replaced, so
 *     a filtered object with three fields counts three
 */
public record ScrubResult(int emails, int ips, int creditCards, int keyValues) {
  /** Nothing replaced: also the result of a scrubber whose settings are disabled. */
  public static final ScrubResult NONE = new ScrubResult(0, 0, 0, 0);

  public ScrubResult {
    if (emails < 0 || ips < 0 || creditCards < 0 || keyValues < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "scrub counts must not be negative: emails=%d ips=%d creditCards=%d keyValues=%d",
              emails,
              ips,
              creditCards,
              keyValues));
    }
  }

  /** Everything replaced or removed, all kinds together. */
  public int total() {
    return emails + ips + creditCards + keyValues;
  }

  /** True if nothing was replaced or removed. */
  public boolean isEmpty() {
    return total() == 0;
  }

  /** Both results together, e.g. over the items of one envelope. */
  public ScrubResult plus(ScrubResult other) {
    return new ScrubResult(
        Math.addExact(emails, other.emails),
        Math.addExact(ips, other.ips),
        Math.addExact(creditCards, other.creditCards),
        Math.addExact(keyValues, other.keyValues));
  }

  /**
   * The counts under stable names, in a fixed order, for metric tags: {@code email}, {@code ip},
   * {@code credit_card}, {@code key_value}.
   */
  public Map<String, Integer> byKind() {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    kinds.put("email", emails);
    kinds.put("ip", ips);
    kinds.put("credit_card", creditCards);
    kinds.put("key_value", keyValues);
    return kinds;
  }

  /**
   * A sentence for notes and logs, e.g. {@code "scrubbed 2 e-mail addresses, 1 IP address"}; {@code
   * "nothing scrubbed"} when empty.
   */
  public String describe() {
    List<String> parts = new ArrayList<>(4);
    add(parts, emails, "e-mail address", "e-mail addresses");
    add(parts, ips, "IP address", "IP addresses");
    add(parts, creditCards, "card number", "card numbers");
    add(parts, keyValues, "value of a sensitive key", "values of sensitive keys");
    return parts.isEmpty() ? "nothing scrubbed" : "scrubbed " + String.join(", ", parts);
  }

  private static void add(List<String> parts, int count, String one, String many) {
    if (count != 0) {
      parts.add(String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many));
    }
  }
}
