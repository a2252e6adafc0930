package dev.gonogo.reports.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the load-tests module's smoke suite through the Maven Wrapper, as CI does ({@code ./mvnw -pl
 * load-tests verify}), against a candidate the suite starts itself, and collects the load summaries
 * it writes ({@code load-tests/target/load-summary/<simulation>-<label>.json}).
 *
 * <p>The suite's own build failure on a missed SLO is expected when the candidate regressed: the
 * summaries are written before Maven fails, and the verdict judges them. A run that wrote no
 * summary is reported by the verdict as a missing input.
 */
final class LoadSuite {
  private final Path repository;
  private final Duration timeout;

  LoadSuite(Path repository, Duration timeout) {
    this.repository = repository;
    this.timeout = timeout;
  }

  /** What one run left. */
  record Run(String label, int mavenExit, List<Path> summaries, Path log) {}

  /**
   * @param label {@code baseline} or {@code candidate}
   * @param candidateJvmArgs the candidate's JVM options (its configuration as {@code -D})
   * @param into where the summaries are copied to
   */
  Run run(String label, String candidateJvmArgs, Path into, Path log, Consumer<String> progress)
      throws IOException, InterruptedException {
    Path summaries = repository.resolve("load-tests/target/load-summary");
    deleteLabel(summaries, label);
    Files.createDirectories(into);
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(repository.resolve("mvnw").toString());
    command.addAll(
        List.of(
            "-B",
            "-ntp",
            "-pl",
            "load-tests",
            "verify",
            "-DskipTests",
            "-Dspotless.skip=true",
            "-Dgonogo.load.label=" + label,
            "-Dgonogo.candidate.jvm-args=" + candidateJvmArgs));
    Process process =
        new ProcessBuilder(command)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    // The pump owns Maven's output and the log: if a stray child keeps the pipe open after a
    // timeout, only this daemon thread stays blocked, never the check.
    Thread pump = new Thread(() -> pump(process, command, log, progress), "load-suite-" + label);
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      // Snapshot the tree first: once Maven is gone its children (Gatling's JVM, the candidate)
      // belong to init and are no longer its descendants.
      List<ProcessHandle> tree = process.descendants().toList();
      tree.forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
      tree.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      progress.accept("stopped after " + timeout.toSeconds() + " s (its time limit)");
    }
    pump.join(5_000);
    int exit = process.isAlive() ? -1 : process.exitValue();
    List<Path> copied = new ArrayList<>();
    if (Files.isDirectory(summaries)) {
      try (DirectoryStream<Path> files =
          Files.newDirectoryStream(summaries, "*-" + label + ".json")) {
        for (Path file : files) {
          Path target = into.resolve(file.getFileName());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          copied.add(target);
        }
      }
    }
    copied.sort(null);
    return new Run(label, exit, List.copyOf(copied), log);
  }

  private static void pump(
      Process process, List<String> command, Path log, Consumer<String> progress) {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      out.println("$ " + String.join(" ", command));
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(line);
        if (line.startsWith("[load-summary] dev.gonogo.load.")) {
          progress.accept(
              line.substring("[load-summary] dev.gonogo.load.".length()).replaceAll(" -> .*$", ""));
        } else if (line.contains("Simulation dev.gonogo.load.") && line.contains("started")) {
          progress.accept(line.replaceAll("^.*Simulation dev\\.gonogo\\.load\\.", ""));
        }
      }
    } catch (IOException e) {
      progress.accept("stopped reading Maven's output: " + e.getMessage());
    }
  }

  private static void deleteLabel(Path summaries, String label) throws IOException {
    if (!Files.isDirectory(summaries)) {
      return;
    }
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(summaries, "*-" + label + ".json")) {
      for (Path file : files) {
        Files.delete(file);
      }
    }
  }
}
