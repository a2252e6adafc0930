package dev.gonogo.feedback.durability;

import dev.gonogo.feedback.Main;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real service as its own JVM: {@code java -cp <test class path> dev.gonogo.feedback.Main},
 * configured only through environment variables, on port 0 over a SQLite file. Its output goes to
 * {@code <name>.log} beside the database; its base URL is read from its ready file.
 */
final class ServiceProcess {
  static final String ADMIN_TOKEN = "durability-admin-token-0123456789";

  /** The exit value of a process ended by a signal: 128 + the signal number. */
  static final int KILLED_BY_SIGKILL = 128 + 9;

  static final int EXITED_ON_SIGTERM = 128 + 15;

  private final String name;
  private final Process process;
  private final Path log;
  private final Path readyFile;
  private volatile FeedbackApi api;

  private ServiceProcess(String name, Process process, Path log, Path readyFile) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.readyFile = readyFile;
  }

  /** Starts the JVM and returns at once; {@link #awaitReady()} waits until it serves. */
  static ServiceProcess launch(String name, Path dir, Path database) throws IOException {
    Path log = dir.resolve(name + ".log");
    Path readyFile = dir.resolve(name + ".ready");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName()))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // Only what this test sets: no GONOGO_* of the developer's shell leaks into the service.
    env.keySet().removeIf(key -> key.startsWith("GONOGO_"));
    env.put("GONOGO_SERVER_HOST", "127.0.0.1");
    env.put("GONOGO_SERVER_PORT", "0");
    env.put("GONOGO_SERVER_READY_FILE", readyFile.toString());
    env.put("GONOGO_STORE_URL", "jdbc:sqlite:" + database);
    env.put("GONOGO_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("GONOGO_RATELIMIT_PROJECT_EVENTS_PER_SECOND", "0");
    env.put("GONOGO_RATELIMIT_RELEASE_EVENTS_PER_SECOND", "0");
    return new ServiceProcess(name, builder.start(), log, readyFile);
  }

  /** Waits for the ready file, failing at once when the JVM exits first. */
  void awaitReady() throws IOException {
    Awaits.SERVICE_READY
        .alias("service '" + name + "' (pid " + process.pid() + ") writes " + readyFile)
        .failFast(
            "service '" + name + "' exited before it was ready; its output is in " + log,
            () -> !process.isAlive())
        .until(() -> Files.exists(readyFile));
    URI base = URI.create(Files.readString(readyFile, StandardCharsets.UTF_8).trim());
    api = new FeedbackApi(base, ADMIN_TOKEN);
  }

  FeedbackApi api() {
    if (api == null) {
      throw new IllegalStateException("service '" + name + "' is not ready yet");
    }
    return api;
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook runs. Returns the exit value once the JVM is gone. */
  int killDashNine() {
    process.destroyForcibly(); // SIGKILL on Linux and macOS
    return awaitExit("SIGKILL");
  }

  /** {@code kill} (SIGTERM): the shutdown hook closes the server and the store. */
  int terminate() {
    if (!process.supportsNormalTermination()) {
      throw new IllegalStateException("this platform cannot send SIGTERM to " + name);
    }
    process.destroy();
    return awaitExit("SIGTERM");
  }

  /** Kills the JVM if it still runs; for cleanup after a failed test. */
  void forceStop() {
    if (process.isAlive()) {
      killDashNine();
    }
  }

  /** What the JVM printed, for a failure report. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output file)";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private int awaitExit(String signal) {
    Awaits.PROCESS_EXITED
        .alias("service '" + name + "' (pid " + process.pid() + ") exits after " + signal)
        .until(() -> !process.isAlive());
    return process.exitValue();
  }

  @Override
  public String toString() {
    return "service '" + name + "' (pid " + process.pid() + ", output " + log + ")";
  }
}
