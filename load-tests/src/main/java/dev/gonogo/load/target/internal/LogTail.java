package dev.gonogo.load.target.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines of a log file, indented, for failure messages. */
public final class LogTail {
  private LogTail() {}

  public static String of(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return "  (no log at " + log + ")";
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (all.isEmpty()) {
        return "  (the log is empty)";
      }
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(line -> "  | " + line)
          .collect(Collectors.joining(System.lineSeparator()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "  (cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
