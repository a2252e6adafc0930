package dev.gonogo.feedback.scrub.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a key name is safe (kept verbatim), sensitive (its value is filtered) or neither.
 *
 * <p>Both the key and the list entries are compared in normalised form: lower case, letters and
 * digits only ({@code X-Auth-Token} is {@code xauthtoken}). Safe entries must equal the whole key.
 * Sensitive entries of {@value #WORD_ONLY_MAX_LENGTH} characters or fewer must equal one word of
 * the key (words split at non-alphanumerics and camelCase humps), longer ones may appear anywhere
 * in it. Verdicts are cached because events repeat the same few hundred protocol keys; the cache
 * stops growing at {@value #CACHE_LIMIT} keys and skips keys longer than {@value
 * #CACHE_KEY_MAX_LENGTH} characters (the first item of a two-item array may be a whole message), so
 * that senders cannot make it hold much memory.
 */
public final class KeyClassifier {
  /** What a key name means for its value. */
  public enum Verdict {
    /** On the safe list: keep the value and everything below it verbatim. */
    SAFE,
    /** On the sensitive list: replace the value. */
    SENSITIVE,
    /** Neither: scan the value like any other. */
    NEUTRAL
  }

  static final int WORD_ONLY_MAX_LENGTH = 4;
  static final int CACHE_LIMIT = 4096;
  static final int CACHE_KEY_MAX_LENGTH = 64;

  private final String[] substringEntries;
  private final Set<String> wordEntries;
  private final Set<String> safeEntries;
  private final ConcurrentHashMap<String, Verdict> cache = new ConcurrentHashMap<>();

  /**
   * @param sensitive key names to filter; empty turns key filtering off
   * @param safe key names never to touch
   */
  public KeyClassifier(Collection<String> sensitive, Collection<String> safe) {
    List<String> substrings = new ArrayList<>();
    Set<String> words = new HashSet<>();
    for (String entry : sensitive) {
      String normalised = normalise(entry);
      if (normalised.length() <= WORD_ONLY_MAX_LENGTH) {
        words.add(normalised);
      } else if (!substrings.contains(normalised)) {
        substrings.add(normalised);
      }
    }
    this.substringEntries = substrings.toArray(String[]::new);
    this.wordEntries = Set.copyOf(words);
    Set<String> safeNormalised = new HashSet<>();
    for (String entry : safe) {
      safeNormalised.add(normalise(entry));
    }
    this.safeEntries = Set.copyOf(safeNormalised);
  }

  public Verdict classify(String key) {
    Verdict verdict = cache.get(key);
    if (verdict == null) {
      verdict = compute(key);
      if (key.length() <= CACHE_KEY_MAX_LENGTH && cache.size() < CACHE_LIMIT) {
        cache.putIfAbsent(key, verdict);
      }
    }
    return verdict;
  }

  /** True if the key is sensitive; a safe key never is. */
  public boolean isSensitive(String key) {
    return classify(key) == Verdict.SENSITIVE;
  }

  int cacheSize() {
    return cache.size();
  }

  private Verdict compute(String key) {
    String normalised = normalise(key);
    if (safeEntries.contains(normalised)) {
      return Verdict.SAFE;
    }
    for (String entry : substringEntries) {
      if (normalised.contains(entry)) {
        return Verdict.SENSITIVE;
      }
    }
    if (!wordEntries.isEmpty()) {
      for (String word : words(key)) {
        if (wordEntries.contains(word)) {
          return Verdict.SENSITIVE;
        }
      }
    }
    return Verdict.NEUTRAL;
  }

  /** Lower case, letters and digits only: {@code X-Auth-Token} becomes {@code xauthtoken}. */
  public static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  /**
   * The lower-case words of a key: split at characters other than letters and digits and at
   * camelCase humps, so {@code XAuthToken}, {@code x-auth-token} and {@code X_AUTH_TOKEN} all give
   * {@code [x, auth, token]}.
   */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= key.length(); i++) {
      char c = i < key.length() ? key.charAt(i) : ' ';
      if (!Character.isLetterOrDigit(c)) {
        if (start >= 0) {
          words.add(key.substring(start, i).toLowerCase(Locale.ROOT));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      } else if (startsWord(key, i)) {
        words.add(key.substring(start, i).toLowerCase(Locale.ROOT));
        start = i;
      }
    }
    return words;
  }

  /** A hump: aB, or the B of ABc (the last capital of an acronym followed by a lower case). */
  private static boolean startsWord(String key, int i) {
    char c = key.charAt(i);
    if (!Character.isUpperCase(c)) {
      return false;
    }
    char previous = key.charAt(i - 1);
    if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
      return true;
    }
    return Character.isUpperCase(previous)
        && i + 1 < key.length()
        && Character.isLowerCase(key.charAt(i + 1));
  }
}
