package dev.gonogo.feedback.scrub.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the commented key lists shipped next to this package's API classes. */
public final class KeyLists {
  /** Resource with the default sensitive key names. */
  public static final String SENSITIVE = "/dev/gonogo/feedback/scrub/sensitive-keys.txt";

  /** Resource with the default safe key names. */
  public static final String SAFE = "/dev/gonogo/feedback/scrub/safe-keys.txt";

  private KeyLists() {}

  /** The entries of a list resource in file order: one a line, {@code #} to end of line ignored. */
  public static List<String> read(String resource) {
    try (InputStream in = KeyLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      List<String> entries = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
      return List.copyOf(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
