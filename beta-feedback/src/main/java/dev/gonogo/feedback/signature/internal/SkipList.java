package dev.gonogo.feedback.signature.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Frames to skip as noise, read from a commented text file in the manner of Socorro's siglists.
 *
 * <p>File format: one pattern per line; lines starting with {@code #} are comments and blank lines
 * are ignored; surrounding whitespace is trimmed. A pattern is a glob: {@code *} matches any run of
 * characters (dots and slashes included), everything else matches itself, case-sensitively, and the
 * pattern must match the whole candidate. So {@code java.util.concurrent.ThreadPoolExecutor*}
 * matches {@code java.util.concurrent.ThreadPoolExecutor$Worker.run}, and {@code
 * java.lang.Thread.run} matches only that method.
 *
 * <p>A frame is noise when any pattern matches any of its {@linkplain
 * WorkingFrame#matchCandidates() candidates}: its normalised function, module and {@code
 * module.function}, and its file, path, module and package as sent.
 *
 * <p>A list is rejected when it is unreadable, holds a pattern that is nothing but {@code *} (it
 * would skip every frame) or holds a pattern twice; the message names the file and line.
 */
public final class SkipList {
  /**
   * A glob split at its stars: {@code java.util.*Executor*} is the literals {@code ["java.util.",
   * "Executor", ""]}. Matching needs no regular expression: the first literal is a prefix, the last
   * a suffix, the ones between are found in order, leftmost first (which is enough when '*' is the
   * only wildcard).
   */
  private record Entry(String pattern, String[] literals) {
    boolean matches(String text) {
      if (literals.length == 1) {
        return text.equals(literals[0]);
      }
      String first = literals[0];
      String last = literals[literals.length - 1];
      if (text.length() < first.length() + last.length()
          || !text.startsWith(first)
          || !text.endsWith(last)) {
        return false;
      }
      int from = first.length();
      int end = text.length() - last.length();
      for (int i = 1; i < literals.length - 1; i++) {
        String literal = literals[i];
        if (literal.isEmpty()) {
          continue;
        }
        int at = text.indexOf(literal, from);
        if (at < 0 || at + literal.length() > end) {
          return false;
        }
        from = at + literal.length();
      }
      return true;
    }
  }

  private final String source;
  private final List<Entry> entries;

  private SkipList(String source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads a list bundled on the class path, e.g. {@code /dev/gonogo/…/skip-java.txt}.
   *
   * @throws IllegalStateException when the resource is missing or holds an invalid pattern
   */
  public static SkipList fromResource(String resourceName) {
    try (InputStream in = SkipList.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException(
            "skip list "
                + resourceName
                + " is not on the class path; it ships in beta-feedback's resources next to the"
                + " signature package");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(resourceName, reader.lines().toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("invalid bundled skip list: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read skip list " + resourceName, e);
    }
  }

  /** Parses the lines of a list; {@code source} names it in error messages. */
  public static SkipList parse(String source, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1);
      if (line.chars().allMatch(c -> c == '*')) {
        throw new IllegalArgumentException(
            where + ": pattern '" + line + "' matches every frame; name what to skip");
      }
      if (!seen.add(line)) {
        throw new IllegalArgumentException(where + ": pattern '" + line + "' is listed twice");
      }
      entries.add(new Entry(line, line.split("\\*", -1)));
    }
    return new SkipList(source, entries);
  }

  /** The first pattern matching any candidate, or empty when none does. */
  public Optional<String> firstMatch(Collection<String> candidates) {
    for (Entry entry : entries) {
      for (String candidate : candidates) {
        if (entry.matches(candidate)) {
          return Optional.of(entry.pattern());
        }
      }
    }
    return Optional.empty();
  }

  /** The patterns in file order. */
  public List<String> patterns() {
    return entries.stream().map(Entry::pattern).toList();
  }

  /** Where the list was read from. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source + " (" + entries.size() + " patterns)";
  }
}
