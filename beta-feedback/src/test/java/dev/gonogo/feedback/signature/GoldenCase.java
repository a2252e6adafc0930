package dev.gonogo.feedback.signature;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One golden case: a file under {@code src/test/resources/signatures/}, named for what it shows.
 *
 * <p>File layout (snake_case, as in Sentry events):
 *
 * <pre>{@code
 * {
 *   "description": "why this case exists",
 *   "input": { "platform": "java", "message": null,
 *              "exceptions": [ { "type", "value", "module",
 *                                "frames": [ { "function", "module", "filename", "abs_path",
 *                                              "lineno", "colno", "in_app", "package_name",
 *                                              "instruction_addr", "platform" } ] } ] },
 *   "expected": { "title": "...",
 *                 "group": "cases with the same group must share a fingerprint, others not",
 *                 "fingerprint": "the pinned value: a change regroups stored crashes",
 *                 "notes": [ "optional: each must start one of the signature's notes" ] }
 * }
 * }</pre>
 *
 * Exceptions are listed root cause first and frames oldest call first, as Sentry sends them.
 */
record GoldenCase(String name, String description, CrashInput input, Expected expected) {

  record Expected(String title, String group, String fingerprint, List<String> notes) {
    Expected {
      notes = notes == null ? List.of() : List.copyOf(notes);
    }
  }

  private record File(String description, CrashInput input, Expected expected) {}

  static final String FOLDER = "/signatures";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Every case in the folder, sorted by name. */
  static List<GoldenCase> all() {
    Path folder = folder();
    try (Stream<Path> files = Files.list(folder)) {
      List<GoldenCase> cases =
          files
              .filter(file -> file.getFileName().toString().endsWith(".json"))
              .sorted()
              .map(GoldenCase::read)
              .toList();
      if (cases.isEmpty()) {
        throw new IllegalStateException("no golden case (*.json) in " + folder);
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list golden cases in " + folder, e);
    }
  }

  private static GoldenCase read(Path file) {
    String fileName = file.getFileName().toString();
    try {
      File parsed = JSON.readValue(file.toFile(), File.class);
      if (parsed.input() == null || parsed.expected() == null) {
        throw new IllegalStateException(fileName + ": needs both \"input\" and \"expected\"");
      }
      return new GoldenCase(
          fileName.substring(0, fileName.length() - ".json".length()),
          parsed.description(),
          parsed.input(),
          parsed.expected());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden case " + file, e);
    }
  }

  private static Path folder() {
    URL url = GoldenCase.class.getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException(
          FOLDER + " is not on the test class path; expected src/test/resources" + FOLDER);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
