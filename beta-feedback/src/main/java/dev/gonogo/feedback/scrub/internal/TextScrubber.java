package dev.gonogo.feedback.scrub.internal;

import dev.gonogo.feedback.scrub.ScrubSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The text rules in their order: sensitive key=value pairs first (so {@code password=jane@x.org}
 * counts as a password, not an e-mail), then e-mail addresses, IPv6 (before IPv4, so the IPv4 tail
 * of {@code ::ffff:192.0.2.128} goes with its address), IPv4 and card numbers.
 */
public final class TextScrubber {
  /** Shorter strings cannot hold any of the patterns ({@code ::1} is the shortest). */
  private static final int MIN_LENGTH = 3;

  private final TextRule[] rules;

  public TextScrubber(ScrubSettings settings, KeyClassifier keys) {
    ScrubSettings.Replacements replace = settings.replacements();
    List<TextRule> rules = new ArrayList<>();
    if (settings.keyNames()) {
      rules.add(new KeyValueTextRule(keys, replace.keyValue()));
    }
    if (settings.emails()) {
      rules.add(new EmailRule(replace.email()));
    }
    if (settings.ips()) {
      rules.add(new Ipv6Rule(replace.ip()));
      rules.add(new Ipv4Rule(replace.ip()));
    }
    if (settings.creditCards()) {
      rules.add(new CreditCardRule(replace.creditCard()));
    }
    this.rules = rules.toArray(TextRule[]::new);
  }

  /** Names of the rules in the order they run. */
  public List<String> ruleNames() {
    List<String> names = new ArrayList<>(rules.length);
    for (TextRule rule : rules) {
      names.add(rule.name());
    }
    return names;
  }

  /**
   * Applies every rule whose features the text has.
   *
   * @return {@code text} itself when nothing matched
   */
  public String scrub(String text, Tally tally) {
    if (rules.length == 0 || text.length() < MIN_LENGTH) {
      return text;
    }
    int features = TextFeatures.of(text);
    if (features == 0) {
      return text;
    }
    String result = text;
    for (TextRule rule : rules) {
      int required = rule.requiredFeatures();
      if ((features & required) == required) {
        result = apply(rule, result, tally);
      }
    }
    return result;
  }

  private static String apply(TextRule rule, String text, Tally tally) {
    try {
      return rule.apply(text, tally);
    } catch (RuntimeException e) {
      // Never echo the text: it is the personal data this rule failed to scrub.
      throw new IllegalStateException(
          "scrub rule '"
              + rule.name()
              + "' failed on a "
              + text.length()
              + "-character string ("
              + e.getClass().getName()
              + "); the item must not be stored unscrubbed",
          e);
    }
  }
}
