package dev.gonogo.feedback.scrub;

import dev.gonogo.feedback.scrub.internal.KeyLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@link Scrubber} removes before anything is stored. On by default, every kind included.
 *
 * <p>Key lists are matched on normalised names (lower case, letters and digits only); see {@code
 * sensitive-keys.txt} and {@code safe-keys.txt} next to this class for the defaults and the
 * matching rules. A safe key wins over a sensitive one.
 *
 * @param enabled false: the scrubber changes nothing and reports {@link ScrubResult#NONE}
 * @param emails replace e-mail addresses inside strings
 * @param ips replace IPv4 and IPv6 addresses inside strings and remove the IP address fields
 *     ({@code user.ip_address}, {@code request.env.REMOTE_ADDR}, session {@code attrs.ip_address})
 * @param creditCards replace Luhn-valid card numbers inside strings
 * @param keyNames replace the values of {@code sensitiveKeys}, in JSON and in key=value text
 * @param sensitiveKeys key names whose values are replaced
 * @param safeKeys key names whose values are kept verbatim, with everything below them
 * @param replacements the text put in place of what was found
 */
public record ScrubSettings(
    boolean enabled,
    boolean emails,
    boolean ips,
    boolean creditCards,
    boolean keyNames,
    Set<String> sensitiveKeys,
    Set<String> safeKeys,
    Replacements replacements) {

  /** Configuration key: {@code true} (default) or {@code false}. */
  public static final String ENABLED = "gonogo.scrub.enabled";

  /** Configuration key: scrub e-mail addresses, {@code true} (default) or {@code false}. */
  public static final String EMAILS = "gonogo.scrub.emails";

  /** Configuration key: scrub IP addresses, {@code true} (default) or {@code false}. */
  public static final String IPS = "gonogo.scrub.ips";

  /** Configuration key: scrub card numbers, {@code true} (default) or {@code false}. */
  public static final String CREDIT_CARDS = "gonogo.scrub.credit-cards";

  /**
   * Configuration key: filter values of sensitive keys, {@code true} (default) or {@code false}.
   */
  public static final String KEY_NAMES = "gonogo.scrub.key-names";

  /**
   * Configuration key: comma-separated key names filtered in addition to the defaults. Entries of
   * four letters and digits or fewer match whole words of a key only ({@code pin} matches {@code
   * user_pin}, not {@code spinner}); longer ones match anywhere in it.
   */
  public static final String EXTRA_KEYS = "gonogo.scrub.extra-keys";

  /** Configuration key: comma-separated key names kept verbatim in addition to the defaults. */
  public static final String SAFE_KEYS = "gonogo.scrub.safe-keys";

  /** The configuration keys {@link #fromConfig} reads, in documentation order. */
  public static final List<String> CONFIG_KEYS =
      List.of(ENABLED, EMAILS, IPS, CREDIT_CARDS, KEY_NAMES, EXTRA_KEYS, SAFE_KEYS);

  /** The shipped sensitive key names, from {@code sensitive-keys.txt}, in file order. */
  public static final List<String> DEFAULT_SENSITIVE_KEYS = KeyLists.read(KeyLists.SENSITIVE);

  /** The shipped safe key names, from {@code safe-keys.txt}, in file order. */
  public static final List<String> DEFAULT_SAFE_KEYS = KeyLists.read(KeyLists.SAFE);

  public ScrubSettings {
    Objects.requireNonNull(replacements, "replacements");
    sensitiveKeys = checkedKeys(sensitiveKeys, "sensitiveKeys");
    safeKeys = checkedKeys(safeKeys, "safeKeys");
  }

  /**
   * The text put in place of what was found. Each must be non-blank and must not itself look like
   * what it replaces, so that scrubbing twice changes nothing; {@link Scrubber} checks the latter.
   *
   * @param keyValue replaces the value of a sensitive key
   * @param email replaces an e-mail address inside a string
   * @param ip replaces an IP address inside a string
   * @param creditCard replaces a card number inside a string
   */
  public record Replacements(String keyValue, String email, String ip, String creditCard) {
    /** {@code [Filtered]}, {@code [email]}, {@code [ip]}, {@code [creditcard]}. */
    public static final Replacements DEFAULT =
        new Replacements("[Filtered]", "[email]", "[ip]", "[creditcard]");

    public Replacements {
      requireText(keyValue, "keyValue");
      for (int i = 0; i < keyValue.length(); i++) {
        char c = keyValue.charAt(i);
        if (Character.isWhitespace(c) || "&;,\"'<>?#=:".indexOf(c) >= 0) {
          throw new IllegalArgumentException(
              "replacement keyValue '"
                  + keyValue
                  + "' contains '"
                  + c
                  + "': it must read back as one value in key=value text, so no whitespace"
                  + " and none of & ; , \" ' < > ? # = :");
        }
      }
      requireText(email, "email");
      requireText(ip, "ip");
      requireText(creditCard, "creditCard");
    }

    private static void requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(
            "replacement " + name + " must not be blank: a blank value reads as 'nothing sent'");
      }
    }
  }

  /** Everything on, shipped key lists, default replacements. */
  public static ScrubSettings defaults() {
    return new ScrubSettings(
        true,
        true,
        true,
        true,
        true,
        new LinkedHashSet<>(DEFAULT_SENSITIVE_KEYS),
        new LinkedHashSet<>(DEFAULT_SAFE_KEYS),
        Replacements.DEFAULT);
  }

  /** The defaults with {@code enabled=false}: events are stored as sent. */
  public static ScrubSettings disabled() {
    return defaults().withEnabled(false);
  }

  /**
   * Reads the {@link #CONFIG_KEYS} through {@code config}, which returns a key's value or {@code
   * null}; a null or blank value means the default. Key lists add to the shipped ones. Wire it to
   * the typed configuration, e.g. {@code ScrubSettings.fromConfig(settings::string)}.
   *
   * @throws IllegalArgumentException naming the key and value, for a boolean that is not {@code
   *     true}/{@code false} or a list entry without letters or digits
   */
  public static ScrubSettings fromConfig(Function<String, String> config) {
    ScrubSettings defaults = defaults();
    return new ScrubSettings(
            flag(config, ENABLED),
            flag(config, EMAILS),
            flag(config, IPS),
            flag(config, CREDIT_CARDS),
            flag(config, KEY_NAMES),
            defaults.sensitiveKeys,
            defaults.safeKeys,
            defaults.replacements)
        .withExtraKeys(list(config, EXTRA_KEYS))
        .withSafeKeys(list(config, SAFE_KEYS));
  }

  /** A copy with scrubbing switched on or off. */
  public ScrubSettings withEnabled(boolean on) {
    return new ScrubSettings(
        on, emails, ips, creditCards, keyNames, sensitiveKeys, safeKeys, replacements);
  }

  /** A copy that also filters the values of {@code keys}. */
  public ScrubSettings withExtraKeys(Collection<String> keys) {
    return new ScrubSettings(
        enabled,
        emails,
        ips,
        creditCards,
        keyNames,
        union(sensitiveKeys, keys),
        safeKeys,
        replacements);
  }

  /** A copy that also keeps the values of {@code keys} verbatim. */
  public ScrubSettings withSafeKeys(Collection<String> keys) {
    return new ScrubSettings(
        enabled,
        emails,
        ips,
        creditCards,
        keyNames,
        sensitiveKeys,
        union(safeKeys, keys),
        replacements);
  }

  /** A copy with other replacement texts. */
  public ScrubSettings withReplacements(Replacements other) {
    return new ScrubSettings(
        enabled, emails, ips, creditCards, keyNames, sensitiveKeys, safeKeys, other);
  }

  private static boolean flag(Function<String, String> config, String key) {
    String value = config.apply(key);
    if (value == null || value.isBlank()) {
      return true;
    }
    String trimmed = value.strip().toLowerCase(Locale.ROOT);
    if (trimmed.equals("true")) {
      return true;
    }
    if (trimmed.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + "=" + value + ": expected true or false");
  }

  private static List<String> list(Function<String, String> config, String key) {
    String value = config.apply(key);
    List<String> entries = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return entries;
    }
    for (String part : value.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      if (!hasLetterOrDigit(entry)) {
        throw new IllegalArgumentException(
            key
                + "="
                + value
                + ": entry '"
                + entry
                + "' has no letters or digits; keys are compared on letters and digits only");
      }
      entries.add(entry);
    }
    return entries;
  }

  private static Set<String> union(Set<String> base, Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(base);
    all.addAll(Objects.requireNonNull(more, "keys"));
    return all;
  }

  private static Set<String> checkedKeys(Set<String> keys, String name) {
    Objects.requireNonNull(keys, name);
    for (String key : keys) {
      Objects.requireNonNull(key, () -> name + " contains null");
      if (!hasLetterOrDigit(key)) {
        throw new IllegalArgumentException(
            name
                + " entry '"
                + key
                + "' has no letters or digits; keys are compared on letters and digits only");
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(keys));
  }

  private static boolean hasLetterOrDigit(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isLetterOrDigit(key.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
