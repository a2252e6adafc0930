package dev.gonogo.load.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@link Summary} JSON files. */
public final class SummaryJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static void write(Summary summary, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), summary);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the load summary " + file, e);
    }
  }

  public static String text(Summary summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Summary read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Summary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the load summary " + file, e);
    }
  }
}
