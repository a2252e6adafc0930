package dev.gonogo.load.bench.probe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link ProcSnapshot}s of the candidate at a fixed period on one daemon thread, writes each
 * to a TSV file and adds it to the {@link PhaseUsage} of the phase running at that moment.
 */
public final class ResourceSampler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceSampler.class);

  private final long pid;
  private final PhaseLog phases;
  private final int cpus;
  private final BufferedWriter tsv;
  private final long startNanos;
  private final ScheduledExecutorService timer;
  private final Map<String, PhaseUsage> usage = new ConcurrentHashMap<>();
  private ProcSnapshot last;
  private boolean closed;

  private ResourceSampler(long pid, PhaseLog phases, Path tsvFile, Duration interval) {
    this.pid = pid;
    this.phases = phases;
    this.cpus = Runtime.getRuntime().availableProcessors();
    try {
      Files.createDirectories(tsvFile.toAbsolutePath().getParent());
      this.tsv = Files.newBufferedWriter(tsvFile, StandardCharsets.UTF_8);
      tsv.write(
          "seconds\tphase\trss_mb\tthreads\tservice_cpu_cores\tgatling_cpu_cores"
              + "\tother_process_cores\tirq_cores\tmachine_busy_cores\tiowait_cores\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + tsvFile, e);
    }
    this.last = ProcSnapshot.read(pid);
    this.startNanos = last.nanos();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-resource-sampler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        this::sampleQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts sampling process {@code pid} every {@code interval}, writing to {@code tsvFile}. */
  public static ResourceSampler start(long pid, PhaseLog phases, Path tsvFile, Duration interval) {
    return new ResourceSampler(pid, phases, tsvFile, interval);
  }

  /** The usage of each phase any sample fell into, by phase key. */
  public Map<String, PhaseUsage> usage() {
    return Map.copyOf(usage);
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      LOG.warn("resource sample of pid {} failed: {}", pid, e.toString());
    }
  }

  private synchronized void sample() {
    if (closed) {
      return;
    }
    ProcSnapshot now = ProcSnapshot.read(pid);
    String phase = phases.current();
    PhaseUsage interval = new PhaseUsage(cpus);
    interval.add(last, now);
    usage.computeIfAbsent(phase, p -> new PhaseUsage(cpus)).add(last, now);
    last = now;
    try {
      tsv.write(
          String.format(
              Locale.ROOT,
              "%.2f\t%s\t%.1f\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f%n",
              (now.nanos() - startNanos) / 1e9,
              phase,
              now.rssKb() / 1024.0,
              now.threads(),
              interval.serviceCores(),
              interval.gatlingCores(),
              interval.otherProcessCores(),
              interval.irqCores(),
              interval.machineBusyCores(),
              interval.iowaitCores()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Takes a last sample and stops; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    sampleQuietly();
    closed = true;
    timer.shutdownNow();
    try {
      tsv.close();
    } catch (IOException e) {
      LOG.warn("cannot close the resource samples file: {}", e.toString());
    }
  }
}
