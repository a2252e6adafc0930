package dev.gonogo.load.bench;

import dev.gonogo.load.bench.config.IngestBenchLoad;
import dev.gonogo.load.bench.probe.PhaseLog;
import dev.gonogo.load.bench.probe.PhaseUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code bench-run.properties}: what the Gatling report does not hold. Per phase: its
 * request name, its window (first request to last answer) and the machine's usage during it; for
 * the run: the load level, the machine, the candidate's settings, and what the service stored and
 * refused. {@code BenchReport} joins it with the report's statistics table.
 */
final class RunRecord {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);

  private RunRecord() {}

  static Path write(
      Path file,
      IngestBenchLoad load,
      BenchCandidate candidate,
      PhaseLog phases,
      Map<String, PhaseUsage> usage) {
    Map<String, String> p = new TreeMap<>();
    p.put("run.finished", Instant.now().toString());
    p.put("run.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
    p.put("run.concurrency", Integer.toString(load.concurrency()));
    p.put("run.warm-up-seconds", Long.toString(load.warmUp().toSeconds()));
    p.put("run.phase-seconds", Long.toString(load.phase().toSeconds()));
    p.put(
        "run.fixed-rates",
        String.join(" ", load.fixedRatePhases().stream().map(String::valueOf).toList()));
    p.put("run.fixed-rate.seconds", Long.toString(load.fixedRateDuration().toSeconds()));
    p.put("run.gatling.max-heap-mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
    p.put(
        "run.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    p.put("candidate.jvm-args", String.join(" ", candidate.jvmArgs()));
    candidate.environment().forEach((k, v) -> p.put("candidate.env." + k, v));
    for (BenchPhase phase : BenchPhase.values()) {
      phase(p, phase.key(), phase.request(), phases, usage);
    }
    for (int rate : load.fixedRatePhases()) {
      String key = BenchPhase.fixedRateKey(rate);
      phase(p, key, BenchPhase.fixedRateRequest(rate), phases, usage);
      p.put("phase." + key + ".users", Long.toString(load.fixedRateUsers(rate)));
    }
    try {
      candidate.storedCounts().forEach((k, v) -> p.put("service.stored." + k, Long.toString(v)));
      p.put("service.signatures", Integer.toString(candidate.signatureCount()));
      candidate.rejections().forEach((k, v) -> p.put("service.rejected." + k, Long.toString(v)));
    } catch (RuntimeException e) {
      LOG.warn("Cannot read what the candidate stored: {}", e.getMessage());
      p.put("service.error", e.getMessage());
    }
    Properties properties = new Properties();
    properties.putAll(p);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(out, "ingest benchmark run; see docs/benchmarks.md");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    p.forEach((k, v) -> LOG.info("  {} = {}", k, v));
    return file;
  }

  private static void phase(
      Map<String, String> p,
      String key,
      String request,
      PhaseLog phases,
      Map<String, PhaseUsage> usage) {
    String prefix = "phase." + key + ".";
    p.put(prefix + "request", request);
    phases
        .window(key)
        .flatMap(PhaseLog.Window::seconds)
        .ifPresent(s -> p.put(prefix + "window-seconds", format(s)));
    PhaseUsage u = usage.get(key);
    if (u == null || u.samples() == 0) {
      return;
    }
    p.put(prefix + "samples", Integer.toString(u.samples()));
    p.put(prefix + "rss-max-mb", format(u.rssMaxMb()));
    p.put(prefix + "rss-mean-mb", format(u.rssMeanMb()));
    p.put(prefix + "threads-max", Integer.toString(u.threadsMax()));
    p.put(prefix + "service-cpu-cores", format(u.serviceCores()));
    p.put(prefix + "gatling-cpu-cores", format(u.gatlingCores()));
    p.put(prefix + "other-process-cpu-cores", format(u.otherProcessCores()));
    u.topOtherProcesses(3)
        .forEach((command, cores) -> p.put(prefix + "top-other." + command, format(cores)));
    u.topServiceThreads(6)
        .forEach((group, cores) -> p.put(prefix + "service-threads." + group, format(cores)));
    p.put(prefix + "irq-cores", format(u.irqCores()));
    p.put(prefix + "machine-busy-cores", format(u.machineBusyCores()));
    p.put(prefix + "iowait-cores", format(u.iowaitCores()));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
