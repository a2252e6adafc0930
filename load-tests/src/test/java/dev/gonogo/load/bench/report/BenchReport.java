package dev.gonogo.load.bench.report;

import dev.gonogo.load.bench.report.GatlingReport.RequestStats;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Joins a benchmark run's Gatling report with its {@code bench-run.properties} into the Markdown
 * table of docs/benchmarks.md, and judges the targets: events at least {@value
 * #EVENTS_TARGET_PERCENT} % and sessions at least {@value #SESSIONS_TARGET_PERCENT} % of the raw
 * HTTP limit (the noop phase with the same bodies), and resident memory at most {@value
 * #RSS_TARGET_MB} MB at the fixed rate.
 *
 * <p>Throughput is each phase's successful requests over its own window (first request to last
 * answer, from the run record): Gatling's per-request "Cnt/s" divides by the whole run.
 *
 * <p>JDK only, so {@code scripts/benchmark-ingest} runs it from the test classes alone:
 *
 * <pre>java -cp load-tests/target/test-classes dev.gonogo.load.bench.report.BenchReport \
 *     REPORT_DIR RUN_PROPERTIES</pre>
 */
public final class BenchReport {
  static final int EVENTS_TARGET_PERCENT = 50;
  static final int SESSIONS_TARGET_PERCENT = 80;
  static final int RSS_TARGET_MB = 300;
  static final int RSS_TARGET_RATE = 5000;

  /** A fixed-rate phase counts as sustained when this share of its users was acknowledged. */
  static final double SUSTAINED_SHARE = 0.98;

  private final Path reportDir;
  private final Map<String, RequestStats> requests;
  private final Properties run;

  BenchReport(Path reportDir, Map<String, RequestStats> requests, Properties run) {
    this.reportDir = reportDir;
    this.requests = requests;
    this.run = run;
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: BenchReport GATLING_REPORT_DIR BENCH_RUN_PROPERTIES");
      System.exit(64);
    }
    Path dir = Path.of(args[0]);
    System.out.print(
        new BenchReport(dir, GatlingReport.read(dir), properties(Path.of(args[1]))).markdown());
  }

  /** One measured phase: what Gatling saw and what the run record adds. */
  record Phase(String key, String label, RequestStats stats, double windowSeconds) {
    double throughput() {
      return windowSeconds > 0 ? stats.ok() / windowSeconds : Double.NaN;
    }
  }

  /** The run record, for tests. */
  Properties run() {
    return run;
  }

  Phase phase(String key, String label) {
    String request = required("phase." + key + ".request");
    double window = Double.parseDouble(required("phase." + key + ".window-seconds"));
    return new Phase(key, label, GatlingReport.require(requests, request, reportDir), window);
  }

  String markdown() {
    Phase noopEvent = phase("noop-event-body", "noop, event body");
    Phase events = phase("events", "events");
    Phase noopSession = phase("noop-session-body", "noop, session body");
    Phase sessions = phase("sessions", "session updates");
    List<Integer> rates = fixedRates();
    List<Phase> fixed = new ArrayList<>();
    for (int rate : rates) {
      fixed.add(
          phase("events-at-" + rate, String.format(Locale.ROOT, "events, %,d/s offered", rate)));
    }

    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Run `%s`: %s CPUs; closed phases %s users x %s s after a %s s warm-up%s.%n%n",
            reportDir.getFileName(),
            run.getProperty("run.cpus", "?"),
            run.getProperty("run.concurrency", "?"),
            run.getProperty("run.phase-seconds", "?"),
            run.getProperty("run.warm-up-seconds", "?"),
            rates.isEmpty()
                ? ""
                : "; then open phases of "
                    + run.getProperty("run.fixed-rate.seconds")
                    + " s at "
                    + rates.stream().map(r -> String.format(Locale.ROOT, "%,d", r)).toList()
                    + " new users/s, one event each"));
    md.append(
        "| Phase | OK | KO % | Requests/s (OK) | Mean ms | p95 ms | p99 ms | vs noop, same body"
            + " | Service CPU | Gatling CPU | Other CPU | RSS max MB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    row(md, noopEvent, null);
    row(md, events, noopEvent);
    row(md, noopSession, null);
    row(md, sessions, noopSession);
    fixed.forEach(phase -> row(md, phase, null));
    md.append(
        "\nRequests/s: successful requests over the phase's own window (first request to last"
            + " answer). Response times: successful requests. CPU: cores busy on average over the"
            + " phase (2.00 = both) from /proc: the candidate, the Gatling JVM, every other"
            + " process (Maven, other builds).\n\n");

    md.append("Targets:\n\n");
    double eventsPercent = 100 * events.throughput() / noopEvent.throughput();
    double sessionsPercent = 100 * sessions.throughput() / noopSession.throughput();
    md.append(
        String.format(
            Locale.ROOT,
            "- events >= %d %% of the raw limit: %.0f %% (%,.0f of %,.0f requests/s): %s%n",
            EVENTS_TARGET_PERCENT,
            eventsPercent,
            events.throughput(),
            noopEvent.throughput(),
            eventsPercent >= EVENTS_TARGET_PERCENT ? "met" : "MISSED"));
    md.append(
        String.format(
            Locale.ROOT,
            "- sessions >= %d %% of the raw limit: %.0f %% (%,.0f of %,.0f requests/s; %.0f %% of the"
                + " event-body noop): %s%n",
            SESSIONS_TARGET_PERCENT,
            sessionsPercent,
            sessions.throughput(),
            noopSession.throughput(),
            100 * sessions.throughput() / noopEvent.throughput(),
            sessionsPercent >= SESSIONS_TARGET_PERCENT ? "met" : "MISSED"));
    for (Phase phase : fixed) {
      md.append(rss(phase));
    }
    for (Phase phase : List.of(noopEvent, events, noopSession, sessions)) {
      md.append(failures(phase.label(), phase.stats()));
    }
    for (int i = 0; i < fixed.size(); i++) {
      md.append(
          failures(
              String.format(Locale.ROOT, "%,d/s offered", rates.get(i)), fixed.get(i).stats()));
    }
    md.append(durability(events, fixed));
    String error = run.getProperty("service.error");
    if (error != null) {
      md.append("- the service's counts could not be read: ").append(error).append('\n');
    }
    md.append(candidate());
    return md.toString();
  }

  private List<Integer> fixedRates() {
    String rates = run.getProperty("run.fixed-rates", "").trim();
    return rates.isEmpty()
        ? List.of()
        : java.util.Arrays.stream(rates.split("\\s+")).map(Integer::valueOf).toList();
  }

  private void row(StringBuilder md, Phase phase, Phase baseline) {
    RequestStats s = phase.stats();
    String prefix = "phase." + phase.key() + ".";
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %s | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            phase.label(),
            s.ok(),
            percent(s.koPercent()),
            phase.throughput(),
            millis(s.okMeanMs()),
            millis(s.okP95Ms()),
            millis(s.okP99Ms()),
            baseline == null
                ? (phase.key().startsWith("noop") ? "(limit)" : "(open model)")
                : String.format(
                    Locale.ROOT, "%.0f %%", 100 * phase.throughput() / baseline.throughput()),
            cores(prefix + "service-cpu-cores"),
            cores(prefix + "gatling-cpu-cores"),
            cores(prefix + "other-process-cpu-cores"),
            number(prefix + "rss-max-mb", "%.0f")));
  }

  /**
   * Resident memory at one offered rate. The target is judged at {@value #RSS_TARGET_RATE}/s; other
   * rates are reported for what they show, and a rate the service did not sustain cannot judge it.
   */
  private String rss(Phase phase) {
    int rate = Integer.parseInt(phase.key().substring("events-at-".length()));
    long users = Long.parseLong(required("phase." + phase.key() + ".users"));
    double rssMax =
        Double.parseDouble(run.getProperty("phase." + phase.key() + ".rss-max-mb", "NaN"));
    boolean sustained = phase.stats().ok() >= SUSTAINED_SHARE * users;
    String verdict;
    if (!sustained) {
      verdict = String.format(Locale.ROOT, "%,d/s NOT SUSTAINED", rate);
    } else if (rate < RSS_TARGET_RATE) {
      verdict =
          String.format(Locale.ROOT, "sustained (the target is set at %,d/s)", RSS_TARGET_RATE);
    } else {
      verdict = rssMax <= RSS_TARGET_MB ? "met" : "MISSED";
    }
    return String.format(
        Locale.ROOT,
        "- resident memory <= %d MB at %,d events/s offered: %,.0f events/s acknowledged (%,d of"
            + " %,d users OK, KO %s %%), RSS max %.0f MB: %s%n",
        RSS_TARGET_MB,
        rate,
        phase.throughput(),
        phase.stats().ok(),
        users,
        percent(phase.stats().koPercent()),
        rssMax,
        verdict);
  }

  /** The failures of one phase, most frequent first; nothing when there were none. */
  private static String failures(String label, RequestStats stats) {
    if (stats.errors().isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    stats
        .errors()
        .forEach(
            (message, count) -> parts.add(String.format(Locale.ROOT, "%,d x %s", count, message)));
    return "- failures at " + label + ": " + String.join("; ", parts) + "\n";
  }

  /** Every acknowledged event must be in the store: stored >= OK answers of all event requests. */
  private String durability(Phase events, List<Phase> fixed) {
    String stored = run.getProperty("service.stored.event");
    if (stored == null) {
      return "";
    }
    long acknowledged =
        requests.values().stream()
            .filter(
                r ->
                    r.name().equals(events.stats().name())
                        || r.name().equals("warm-up event")
                        || fixed.stream().anyMatch(f -> f.stats().name().equals(r.name())))
            .mapToLong(RequestStats::ok)
            .sum();
    long rows = Long.parseLong(stored);
    return String.format(
        Locale.ROOT,
        "- durability: %,d events acknowledged with 200, %,d stored (%s signatures, %s session"
            + " rows): %s%n",
        acknowledged,
        rows,
        run.getProperty("service.signatures", "?"),
        run.getProperty("service.stored.session", "?"),
        rows >= acknowledged
            ? "every acknowledged event is stored"
            : "ACKNOWLEDGED EVENTS MISSING");
  }

  private String candidate() {
    Map<String, String> env = new TreeMap<>();
    Map<String, String> rejected = new TreeMap<>();
    for (String key : run.stringPropertyNames()) {
      if (key.startsWith("candidate.env.")) {
        env.put(key.substring("candidate.env.".length()), run.getProperty(key));
      } else if (key.startsWith("service.rejected.")) {
        rejected.put(key.substring("service.rejected.".length()), run.getProperty(key));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "- candidate JVM options: "
            + (run.getProperty("candidate.jvm-args", "").isBlank()
                ? "none (JVM defaults)"
                : run.getProperty("candidate.jvm-args"))
            + "; extra environment: "
            + env);
    if (!rejected.isEmpty()) {
      lines.add("- refusals counted by the service (/metrics): " + rejected);
    }
    return String.join("\n", lines) + "\n";
  }

  private String cores(String key) {
    return number(key, "%.2f");
  }

  private String number(String key, String format) {
    String value = run.getProperty(key);
    return value == null ? "-" : String.format(Locale.ROOT, format, Double.parseDouble(value));
  }

  private static String millis(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.0f", value.getAsDouble()) : "-";
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  private String required(String key) {
    String value = run.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(
          "the run record has no " + key + "; was the run cut short? (report: " + reportDir + ")");
    }
    return value;
  }

  static Properties properties(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run record " + file, e);
    }
    return properties;
  }
}
