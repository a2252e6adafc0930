package dev.gonogo.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Allure results of a folder, parsed back. */
record WrittenResults(Path dir, List<JsonNode> tests) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static WrittenResults read(Path dir) {
    List<JsonNode> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).sorted().toList()) {
        tests.add(JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tests.sort((a, b) -> Long.compare(a.path("start").asLong(), b.path("start").asLong()));
    return new WrittenResults(dir, tests);
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode named(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no test named "
                        + name
                        + " among "
                        + tests.stream().map(t -> t.path("name").asText()).toList()));
  }

  Optional<JsonNode> find(String name) {
    return tests.stream().filter(t -> t.path("name").asText().equals(name)).findFirst();
  }

  static String label(JsonNode test, String name) {
    for (JsonNode label : test.path("labels")) {
      if (label.path("name").asText().equals(name)) {
        return label.path("value").asText();
      }
    }
    return null;
  }

  static List<String> labels(JsonNode test, String name) {
    List<String> values = new ArrayList<>();
    for (JsonNode label : test.path("labels")) {
      if (label.path("name").asText().equals(name)) {
        values.add(label.path("value").asText());
      }
    }
    return values;
  }

  /** The attachment of {@code test} whose name starts with {@code prefix}, as a file. */
  Path attachment(JsonNode test, String prefix) {
    for (JsonNode attachment : test.path("attachments")) {
      if (attachment.path("name").asText().startsWith(prefix)) {
        return dir.resolve(attachment.path("source").asText());
      }
    }
    throw new AssertionError(
        "no attachment named " + prefix + "... in " + test.path("attachments"));
  }
}
