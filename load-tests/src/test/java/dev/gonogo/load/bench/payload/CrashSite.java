package dev.gonogo.load.bench.payload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a benchmark crash happens: its exception and the app's frames on top of the framework's.
 * Loaded from the commented text files under {@code bench/} on the test classpath.
 *
 * @param type fully qualified exception class
 * @param message the exception message
 * @param frames in-app frames, caller first; the crashing frame last
 */
public record CrashSite(String type, String message, List<Frame> frames) {
  public static final String SITES_RESOURCE = "/bench/crash-sites.txt";
  public static final String FRAMEWORK_RESOURCE = "/bench/android-frames.txt";

  public CrashSite {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    frames = List.copyOf(frames);
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a crash site needs at least one in-app frame: " + type);
    }
  }

  /** {@code NullPointerException} of {@code java.lang.NullPointerException}. */
  public String simpleType() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** {@code java.lang} of {@code java.lang.NullPointerException}. */
  public String typeModule() {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "" : type.substring(0, dot);
  }

  /** The crash sites of {@value #SITES_RESOURCE}. */
  public static List<CrashSite> bundled() {
    List<CrashSite> sites = new ArrayList<>();
    for (Line line : lines(SITES_RESOURCE)) {
      String[] parts = line.text().split("\\s\\|\\s", -1);
      if (parts.length != 3) {
        throw line.invalid("expected 'exception type | message | frame > frame > ...'");
      }
      try {
        List<Frame> frames =
            Arrays.stream(parts[2].split("\\s+>\\s+")).map(f -> Frame.parse(f, true)).toList();
        sites.add(new CrashSite(parts[0].strip(), parts[1].strip(), frames));
      } catch (IllegalArgumentException e) {
        throw line.invalid(e.getMessage());
      }
    }
    return List.copyOf(sites);
  }

  /** The framework frames of {@value #FRAMEWORK_RESOURCE}, caller first. */
  public static List<Frame> frameworkFrames() {
    List<Frame> frames = new ArrayList<>();
    for (Line line : lines(FRAMEWORK_RESOURCE)) {
      try {
        frames.add(Frame.parse(line.text(), false));
      } catch (IllegalArgumentException e) {
        throw line.invalid(e.getMessage());
      }
    }
    return List.copyOf(frames);
  }

  private record Line(String resource, int number, String text) {
    IllegalStateException invalid(String expected) {
      return new IllegalStateException(
          resource + " line " + number + ": " + expected + "; the line is: " + text);
    }
  }

  private static List<Line> lines(String resource) {
    InputStream in = CrashSite.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + resource);
    }
    List<Line> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String text;
      int number = 0;
      while ((text = reader.readLine()) != null) {
        number++;
        if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
          lines.add(new Line(resource, number, text.strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException(resource + " lists nothing");
    }
    return lines;
  }
}
