package dev.gonogo.load.target.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Records a started process by pid <em>and</em> start time, so a later run can find a candidate
 * that an earlier, killed run left behind without ever mistaking a recycled pid for it.
 */
public final class PidFile {
  private final Path path;

  public PidFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  public void write(ProcessHandle process) {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(process.pid()));
    process
        .info()
        .startInstant()
        .ifPresent(start -> properties.setProperty("started", start.toString()));
    process.info().commandLine().ifPresent(command -> properties.setProperty("command", command));
    try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      properties.store(writer, "beta-feedback candidate started by load-tests");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pid file " + path, e);
    }
  }

  /**
   * The recorded process if it still runs: same pid and same start time. A record without a start
   * time, or a process whose start time cannot be read, never matches.
   */
  public Optional<ProcessHandle> liveProcess() {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
      long pid = Long.parseLong(properties.getProperty("pid", ""));
      Optional<Instant> started =
          Optional.ofNullable(properties.getProperty("started")).map(Instant::parse);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(handle -> started.isPresent() && handle.info().startInstant().equals(started));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The recorded command line, for messages; empty when unknown. */
  public String command() {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties.getProperty("command", "");
    } catch (IOException e) {
      return "";
    }
  }

  public void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A stale pid file is harmless: it only matches a process with the same pid and start time.
    }
  }
}
