package dev.gonogo.feedback.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files in {@code src/test/resources/scrub}: each {@code <case>.input.json} scrubbed with
 * the default settings must equal {@code <case>.expected.json}. Add a case by adding a pair.
 */
class ScrubberGoldenTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String INPUT = ".input.json";
  private static final String EXPECTED = ".expected.json";

  private final Scrubber scrubber = new Scrubber(ScrubSettings.defaults());

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(goldenDirectory())) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(INPUT))
          .map(name -> name.substring(0, name.length() - INPUT.length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scrubbedInput_equalsExpectedFile(String name) {
    ObjectNode item = read(name + INPUT);

    scrubber.scrub(item);

    assertThat(pretty(item)).isEqualTo(pretty(read(name + EXPECTED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scrubbingExpectedFileAgain_changesNothing(String name) {
    ObjectNode expected = read(name + EXPECTED);
    String before = pretty(expected);

    ScrubResult result = scrubber.scrub(expected);

    assertThat(pretty(expected)).isEqualTo(before);
    assertThat(result).isEqualTo(ScrubResult.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void disabledScrubber_leavesInputUnchanged(String name) {
    ObjectNode item = read(name + INPUT);
    String before = pretty(item);

    ScrubResult result = new Scrubber(ScrubSettings.disabled()).scrub(item);

    assertThat(pretty(item)).isEqualTo(before);
    assertThat(result).isEqualTo(ScrubResult.NONE);
  }

  @Test
  void everyCaseHasBothFiles_andTheShippedCasesArePresent() throws IOException {
    List<String> names = cases().toList();

    assertThat(names)
        .contains(
            "java-crash-event",
            "user-feedback",
            "user-report-legacy",
            "session-update",
            "session-aggregates",
            "list-forms",
            "survivors");
    for (String name : names) {
      assertThat(goldenDirectory().resolve(name + EXPECTED))
          .as("expected file of " + name)
          .exists();
    }
  }

  static ObjectNode read(String file) {
    try {
      return (ObjectNode) JSON.readTree(goldenDirectory().resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden file " + file, e);
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path goldenDirectory() {
    try {
      return Path.of(ScrubberGoldenTest.class.getResource("/scrub").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
