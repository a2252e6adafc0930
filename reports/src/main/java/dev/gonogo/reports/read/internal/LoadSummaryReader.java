package dev.gonogo.reports.read.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads load summaries ({@code gonogo.load-summary/1}, docs/load-summary.md): one file, or every
 * {@code *.json} of a folder (not recursive). One {@link Input} per file; a folder without any is
 * one EMPTY input.
 */
public final class LoadSummaryReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

  private LoadSummaryReader() {}

  /**
   * @param name the option, e.g. {@code --load-candidate}
   * @param path a file or a folder
   * @param label the label every summary must carry ({@code candidate} or {@code baseline})
   */
  public static List<Input<LoadSummary>> read(String name, Path path, String label) {
    String source = path.toString();
    if (!Files.exists(path)) {
      return List.of(
          Input.failed(
              name,
              source,
              Input.Problem.MISSING,
              name
                  + " "
                  + path.toAbsolutePath()
                  + " does not exist; expected a load summary"
                  + " (load-tests/target/load-summary/*.json) or a folder of them"));
    }
    if (!Files.isDirectory(path)) {
      return List.of(readFile(name, path, label));
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(path)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      return List.of(
          Input.failed(
              name,
              source,
              Input.Problem.UNREADABLE,
              "cannot list " + path.toAbsolutePath() + " (" + name + "): " + e));
    }
    if (files.isEmpty()) {
      return List.of(
          Input.failed(
              name,
              source,
              Input.Problem.EMPTY,
              name
                  + " "
                  + path.toAbsolutePath()
                  + " holds no *.json load summary; a load run writes them to"
                  + " load-tests/target/load-summary/"));
    }
    List<Input<LoadSummary>> inputs = new ArrayList<>();
    for (Path file : files) {
      inputs.add(readFile(name, file, label));
    }
    return inputs;
  }

  private static Input<LoadSummary> readFile(String name, Path file, String label) {
    String source = file.toString();
    LoadSummary summary;
    try {
      if (Files.size(file) == 0) {
        return Input.failed(
            name, source, Input.Problem.EMPTY, name + " " + file.toAbsolutePath() + " is empty");
      }
      summary = JSON.readValue(file.toFile(), LoadSummary.class);
    } catch (JsonProcessingException e) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          name
              + " "
              + file.toAbsolutePath()
              + " is not a load summary: "
              + e.getOriginalMessage()
              + " (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")");
    } catch (IOException e) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          "cannot read " + file.toAbsolutePath() + " (" + name + "): " + e);
    }
    if (summary == null || !LoadSummary.SCHEMA.equals(summary.schema())) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          name
              + " "
              + file.toAbsolutePath()
              + " has schema "
              + (summary == null ? "none" : "'" + summary.schema() + "'")
              + ", expected "
              + LoadSummary.SCHEMA
              + " (docs/load-summary.md)");
    }
    if (summary.simulation() == null || summary.simulation().isBlank()) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          name + " " + file.toAbsolutePath() + " names no simulation");
    }
    if (!label.equals(summary.label())) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          name
              + " "
              + file.toAbsolutePath()
              + " is labelled '"
              + summary.label()
              + "', expected '"
              + label
              + "' (run the load suite with -Dgonogo.load.label="
              + label
              + ")");
    }
    if (summary.global() == null || summary.global().count() == 0) {
      return Input.failed(
          name,
          source,
          Input.Problem.EMPTY,
          name
              + " "
              + file.toAbsolutePath()
              + ": "
              + summary.simulationName()
              + " sent zero requests; a run without requests shows nothing");
    }
    return Input.of(name, source, summary);
  }
}
