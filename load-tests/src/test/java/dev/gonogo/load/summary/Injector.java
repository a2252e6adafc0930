package dev.gonogo.load.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One load injector: a separate Gatling JVM ({@code io.gatling.app.Gatling}) on this JVM's class
 * path, running one simulation into its own results folder. Several started side by side are the
 * local form of the Kubernetes Job pattern of docs/scaling.md. Bounded: killed after {@code
 * timeout}.
 */
final class Injector {
  private final Process process;
  private final Path results;
  private final Path log;
  private final Duration timeout;

  private Injector(Process process, Path results, Path log, Duration timeout) {
    this.process = process;
    this.results = results;
    this.log = log;
    this.timeout = timeout;
  }

  static Injector start(
      String simulation, Path results, Map<String, String> properties, Duration timeout)
      throws IOException {
    Files.createDirectories(results);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
    command.add("-Xmx512m");
    command.add("-Duser.home=" + results.resolve("gatling-home"));
    command.add("-Dhttps.proxyHost=127.0.0.1");
    command.add("-Dhttps.proxyPort=9");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.gatling.app.Gatling");
    command.add("-s");
    command.add(simulation);
    command.add("-rf");
    command.add(results.toAbsolutePath().toString());
    command.add("-nr");
    Path log = results.resolve("injector.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GONOGO_"));
    return new Injector(builder.start(), results, log, timeout);
  }

  /** Waits for the run; its exit code (Gatling: 0 passed, 2 assertions failed). */
  int await() throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "injector did not finish within " + timeout.toSeconds() + " s; log: " + log);
    }
    return process.exitValue();
  }

  /** The run folder Gatling created (the one folder with a simulation.log). */
  Path runFolder() throws IOException {
    try (Stream<Path> children = Files.list(results)) {
      return children
          .filter(p -> Files.isRegularFile(p.resolve(RunReader.LOG_FILE)))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no Gatling run in " + results + "; log: " + log));
    }
  }

  Path log() {
    return log;
  }
}
