package dev.gonogo.reports.allure;

import dev.gonogo.reports.write.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Generates the HTML report with allure-commandline ({@code bin/allure generate --clean -o <report>
 * <results>...}), keeping its history: the previous report's {@code history/} is copied into the
 * first results folder before generating, so trend charts grow from the second run on.
 */
public final class AllureReport {
  /** How long one {@code allure generate} may take before it is stopped. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

  private AllureReport() {}

  /** As {@link #generate(Path, List, Path, Duration)} with {@link #DEFAULT_TIMEOUT}. */
  public static Path generate(Path allureHome, List<Path> resultsDirs, Path reportDir) {
    return generate(allureHome, resultsDirs, reportDir, DEFAULT_TIMEOUT);
  }

  /**
   * Generates the report into {@code reportDir} (replaced) from {@code resultsDirs}.
   *
   * @return {@code reportDir/index.html}
   * @throws AllureReportException when a folder is missing, the command fails or times out; the
   *     message carries the command and the end of its output
   */
  public static Path generate(
      Path allureHome, List<Path> resultsDirs, Path reportDir, Duration timeout) {
    Objects.requireNonNull(allureHome, "allureHome");
    Objects.requireNonNull(reportDir, "reportDir");
    if (resultsDirs == null || resultsDirs.isEmpty()) {
      throw new AllureReportException(
          "no Allure results folder was given to generate a report from");
    }
    Path executable = executable(allureHome);
    for (Path dir : resultsDirs) {
      if (!Files.isDirectory(dir)) {
        throw new AllureReportException(
            "the Allure results folder " + dir.toAbsolutePath() + " does not exist");
      }
    }
    keepHistory(reportDir, resultsDirs.get(0));
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("generate");
    command.add("--clean");
    command.add("-o");
    command.add(reportDir.toAbsolutePath().toString());
    for (Path dir : resultsDirs) {
      command.add(dir.toAbsolutePath().toString());
    }
    run(command, timeout);
    Path index = reportDir.resolve("index.html");
    if (!Files.isRegularFile(index)) {
      throw new AllureReportException(
          String.join(" ", command) + " finished but wrote no " + index.toAbsolutePath());
    }
    return index;
  }

  /**
   * The allure-commandline home under {@code folder}: {@code folder} itself when it holds {@code
   * bin/allure}, else its one {@code allure-*} subfolder that does (as {@code ./mvnw -pl reports
   * dependency:unpack@allure-commandline} leaves it in {@code reports/target/allure-commandline}).
   */
  public static Path locateAllureHome(Path folder) {
    if (Files.isRegularFile(folder.resolve("bin").resolve("allure"))) {
      return folder;
    }
    List<Path> homes;
    try (Stream<Path> children = Files.list(folder)) {
      homes =
          children
              .filter(p -> p.getFileName().toString().startsWith("allure-"))
              .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("allure")))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new AllureReportException(
          "no allure-commandline in "
              + folder.toAbsolutePath()
              + " (it could not be listed: "
              + e.getMessage()
              + "); unpack it with ./mvnw -pl reports dependency:unpack@allure-commandline");
    }
    if (homes.size() != 1) {
      throw new AllureReportException(
          (homes.isEmpty() ? "no" : homes.size() + " copies of")
              + " allure-commandline (allure-*/bin/allure) in "
              + folder.toAbsolutePath()
              + (homes.isEmpty()
                  ? "; unpack it with ./mvnw -pl reports dependency:unpack@allure-commandline"
                  : ": " + homes + "; remove all but one"));
    }
    return homes.get(0);
  }

  private static Path executable(Path allureHome) {
    Path bin = allureHome.resolve("bin").resolve("allure");
    if (!Files.isRegularFile(bin)) {
      throw new AllureReportException(
          "allure-commandline not found: "
              + bin.toAbsolutePath()
              + " does not exist; unpack it with ./mvnw -pl reports"
              + " dependency:unpack@allure-commandline");
    }
    if (!Files.isExecutable(bin) && !bin.toFile().setExecutable(true)) {
      throw new AllureReportException(bin.toAbsolutePath() + " is not executable");
    }
    return bin;
  }

  /** Replaces {@code resultsDir/history} by the previous report's history, when there is one. */
  static void keepHistory(Path reportDir, Path resultsDir) {
    Path previous = reportDir.resolve("history");
    if (!Files.isDirectory(previous)) {
      return;
    }
    Path target = resultsDir.resolve("history");
    try {
      Folders.delete(target);
      copyTree(previous, target);
    } catch (IOException e) {
      throw new AllureReportException(
          "could not carry the report history over from " + previous + " to " + target + ": " + e);
    }
  }

  private static void run(List<String> command, Duration timeout) {
    Path log;
    try {
      log = Files.createTempFile("allure-generate", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a log file for allure generate", e);
    }
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      // bin/allure runs the java of JAVA_HOME, else the one on PATH: default to the running JVM.
      env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AllureReportException("could not start " + String.join(" ", command) + ": " + e);
      }
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new AllureReportException("interrupted while waiting for " + command.get(0));
      }
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AllureReportException(
            String.join(" ", command)
                + " did not finish within "
                + timeout.toSeconds()
                + " s and was stopped; its output ended with:\n"
                + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new AllureReportException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + "; its output ended with:\n"
                + tail(log));
      }
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(its output could not be read: " + e + ")";
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** The report could not be generated; the message says what was tried. */
  public static final class AllureReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AllureReportException(String message) {
      super(message);
    }
  }
}
