package dev.gonogo.load.target;

import dev.gonogo.load.config.TargetConfig;
import dev.gonogo.load.target.internal.LogTail;
import dev.gonogo.load.target.internal.PidFile;
import dev.gonogo.load.target.internal.ReadyProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beta-feedback candidate as a separate operating-system process: {@code java -jar <jar>} on
 * 127.0.0.1, port 0, with a SQLite database, ready file, pid file and log in its work folder.
 *
 * <p>The load generator never shares a JVM (or a garbage collector) with the system under test.
 * {@link #start} returns only once {@code GET /ready} answered 200; {@link #close()} sends SIGTERM,
 * waits, then kills. A JVM shutdown hook closes it too, and the pid file lets the next start stop a
 * candidate that a killed run left behind, so no run leaves an orphan.
 */
public final class CandidateProcess implements Target {
  /** Everything the candidate prints, behind a header line per start. */
  public static final String LOG_FILE = "candidate.log";

  /** Where the candidate writes its base URL once it accepts requests. */
  public static final String READY_FILE = "candidate.url";

  public static final String PID_FILE = "candidate.pid";
  public static final String DATABASE_FILE = "beta-feedback.db";

  private static final Logger LOG = LoggerFactory.getLogger(CandidateProcess.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final int LOG_LINES_IN_MESSAGE = 25;

  private final Process process;
  private final Path logFile;
  private final PidFile pidFile;
  private final Duration stopTimeout;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile URI baseUri;

  private CandidateProcess(Process process, Path logFile, PidFile pidFile, Duration stopTimeout) {
    this.process = process;
    this.logFile = logFile;
    this.pidFile = pidFile;
    this.stopTimeout = stopTimeout;
    this.shutdownHook = new Thread(this::close, "candidate-" + process.pid() + "-shutdown");
  }

  /**
   * Starts the candidate and waits, bounded by {@code readyTimeout}, for its ready file and a 200
   * from {@code GET /ready}. On failure the process is stopped before the exception is thrown.
   *
   * @throws TargetException when the jar is missing, the process cannot start, exits early or is
   *     not ready in time; the message quotes the end of the candidate's log and names the file
   */
  public static CandidateProcess start(TargetConfig.Candidate spec, Duration readyTimeout) {
    Path jar = checkJar(spec.jar());
    Path workDir = spec.workDir().toAbsolutePath().normalize();
    Path logFile = workDir.resolve(LOG_FILE);
    Path readyFile = workDir.resolve(READY_FILE);
    PidFile pidFile = new PidFile(workDir.resolve(PID_FILE));
    prepare(workDir, pidFile, spec.stopTimeout());

    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(spec.jvmArgs());
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    environment(builder.environment(), workDir, readyFile, spec.environment());
    writeHeader(logFile, command, workDir);

    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new TargetException(
          "Cannot start the beta-feedback candidate: "
              + String.join(" ", command)
              + " in "
              + workDir
              + ": "
              + e.getMessage(),
          e);
    }
    closeQuietly(process);
    Instant started = Instant.now();
    CandidateProcess candidate =
        new CandidateProcess(process, logFile, pidFile, spec.stopTimeout());
    Runtime.getRuntime().addShutdownHook(candidate.shutdownHook);
    pidFile.write(process.toHandle());
    LOG.info(
        "Started the beta-feedback candidate, pid {}: {} (log: {})",
        process.pid(),
        String.join(" ", command),
        logFile);
    try {
      candidate.baseUri = awaitReady(process, readyFile, readyTimeout, command, workDir, logFile);
    } catch (RuntimeException e) {
      candidate.close();
      throw e;
    }
    LOG.info(
        "Candidate pid {} ready at {} after {} ms",
        process.pid(),
        candidate.baseUri,
        Duration.between(started, Instant.now()).toMillis());
    return candidate;
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public String describe() {
    return "beta-feedback candidate pid "
        + process.pid()
        + " at "
        + baseUri
        + " (log: "
        + logFile
        + ")";
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The candidate's output; quote it in any failure message. */
  public Path logFile() {
    return logFile;
  }

  /**
   * Stops the candidate: SIGTERM (its shutdown hook closes the server and the store), then SIGKILL
   * if it has not exited within the stop timeout. Idempotent; also run by a JVM shutdown hook.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself.
    }
    if (!process.isAlive()) {
      pidFile.delete();
      LOG.info(
          "Candidate pid {} had already exited, exit code {}", process.pid(), exitCode(process));
      return;
    }
    Instant stopping = Instant.now();
    boolean graceful = stop(process, stopTimeout);
    pidFile.delete();
    if (process.isAlive()) {
      LOG.error(
          "Candidate pid {} is still alive after SIGKILL; stop it by hand (log: {})",
          process.pid(),
          logFile);
    } else {
      LOG.info(
          "Stopped the candidate, pid {} ({}, exit code {}, {} ms)",
          process.pid(),
          graceful ? "SIGTERM" : "killed after " + stopTimeout.toSeconds() + " s",
          process.exitValue(),
          Duration.between(stopping, Instant.now()).toMillis());
    }
  }

  private static Path checkJar(Optional<Path> configured) {
    Path jar =
        configured
            .orElseThrow(
                () ->
                    new TargetException(
                        "No candidate jar is configured: set gonogo.candidate.jar to the runnable"
                            + " beta-feedback jar (classifier 'all'; the load-tests pom copies it"
                            + " to load-tests/target/candidate-jar/ when run with `./mvnw verify`),"
                            + " or set gonogo.target to the URL of a running candidate."))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(jar)) {
      throw new TargetException(
          "The candidate jar "
              + jar
              + " (gonogo.candidate.jar) does not exist. Build it with"
              + " `./mvnw -pl beta-feedback,load-tests -am verify` (the load-tests pom copies"
              + " dev.gonogo:beta-feedback:jar:all there), or set gonogo.target to the URL of a"
              + " running candidate.");
    }
    return jar;
  }

  /** Creates the work folder, stops a leftover candidate and removes the last run's state. */
  private static void prepare(Path workDir, PidFile pidFile, Duration stopTimeout) {
    try {
      Files.createDirectories(workDir);
      Optional<ProcessHandle> leftover = pidFile.liveProcess();
      if (leftover.isPresent()) {
        LOG.warn(
            "A candidate from an earlier run is still running (pid {}: {}); stopping it",
            leftover.get().pid(),
            pidFile.command());
        stop(leftover.get(), stopTimeout);
      }
      pidFile.delete();
      Files.deleteIfExists(workDir.resolve(READY_FILE));
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        Files.deleteIfExists(workDir.resolve(DATABASE_FILE + suffix));
      }
    } catch (IOException e) {
      throw new TargetException("Cannot prepare the candidate folder " + workDir + ": " + e, e);
    }
  }

  /**
   * The candidate's environment: the suite's own, minus every GONOGO_* variable (a candidate the
   * suite starts is configured by the suite alone), plus loopback, port 0, a fresh database and the
   * ready file, plus the extra variables of the spec.
   */
  private static void environment(
      Map<String, String> env, Path workDir, Path readyFile, Map<String, String> extra) {
    env.keySet().removeIf(name -> name.startsWith("GONOGO_"));
    env.put("GONOGO_SERVER_HOST", "127.0.0.1");
    env.put("GONOGO_SERVER_PORT", "0");
    env.put("GONOGO_STORE_URL", "jdbc:sqlite:" + workDir.resolve(DATABASE_FILE));
    env.putAll(extra);
    env.put(TargetConfig.Candidate.READY_FILE_VARIABLE, readyFile.toString());
  }

  private static void writeHeader(Path logFile, List<String> command, Path workDir) {
    String header =
        String.format(
            "%n# %s load-tests started: %s%n#   in %s%n",
            Instant.now(), String.join(" ", command), workDir);
    try {
      Files.writeString(
          logFile,
          header,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new TargetException("Cannot write the candidate log " + logFile + ": " + e, e);
    }
  }

  private static URI awaitReady(
      Process process,
      Path readyFile,
      Duration timeout,
      List<String> command,
      Path workDir,
      Path logFile) {
    ReadyProbe probe = new ReadyProbe();
    AtomicReference<URI> baseUri = new AtomicReference<>();
    try {
      Awaitility.await("candidate pid " + process.pid() + " ready")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(ReadyProbe.POLL_INTERVAL)
          .failFast("the candidate process exited", () -> !process.isAlive())
          .until(
              () -> {
                if (baseUri.get() == null) {
                  readBaseUri(readyFile, probe).ifPresent(baseUri::set);
                }
                return baseUri.get() != null && probe.isReady(baseUri.get());
              });
      return baseUri.get();
    } catch (TerminalFailureException e) {
      throw new TargetException(
          "The beta-feedback candidate (pid "
              + process.pid()
              + ") exited with code "
              + exitCode(process)
              + " before it was ready. Command: "
              + String.join(" ", command)
              + " in "
              + workDir
              + ". Candidate log "
              + logFile
              + ", last lines:"
              + System.lineSeparator()
              + LogTail.of(logFile, LOG_LINES_IN_MESSAGE));
    } catch (ConditionTimeoutException e) {
      throw new TargetException(
          "The beta-feedback candidate (pid "
              + process.pid()
              + ") was not ready within "
              + timeout.toSeconds()
              + " s (gonogo.target.ready-timeout-seconds): waited for the ready file "
              + readyFile
              + " and a 200 from GET /ready; last observed: "
              + probe.lastObservation()
              + ". Command: "
              + String.join(" ", command)
              + ". Candidate log "
              + logFile
              + ", last lines:"
              + System.lineSeparator()
              + LogTail.of(logFile, LOG_LINES_IN_MESSAGE));
    }
  }

  private static Optional<URI> readBaseUri(Path readyFile, ReadyProbe probe) {
    if (!Files.isRegularFile(readyFile)) {
      probe.observe("the ready file " + readyFile + " was not written yet");
      return Optional.empty();
    }
    try {
      String text = Files.readString(readyFile, StandardCharsets.UTF_8).trim();
      URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (uri.getHost() == null || uri.getPort() < 1) {
        probe.observe("the ready file " + readyFile + " holds no URL with host and port: " + text);
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (IOException | IllegalArgumentException e) {
      probe.observe("cannot read the ready file " + readyFile + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** SIGTERM, wait, SIGKILL, wait. True when the process exited after SIGTERM alone. */
  private static boolean stop(ProcessHandle handle, Duration grace) {
    List<ProcessHandle> descendants = handle.descendants().toList();
    handle.destroy();
    boolean graceful = awaitExit(handle, grace);
    if (!graceful) {
      handle.destroyForcibly();
      awaitExit(handle, KILL_WAIT);
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return graceful;
  }

  private static boolean stop(Process process, Duration grace) {
    return stop(process.toHandle(), grace);
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  private static String exitCode(Process process) {
    try {
      return process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          ? Integer.toString(process.exitValue())
          : "(unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(unknown)";
    }
  }

  /** The candidate reads no input: close its stdin so it never waits on the suite. */
  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Nothing to do: the stream only matters if the candidate read stdin, which it does not.
    }
  }

  /** The java launcher of the running JVM, so the candidate runs on the same Java as the suite. */
  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
