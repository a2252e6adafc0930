package dev.gonogo.load.bench.config;

import dev.gonogo.load.config.LoadSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Load level and bounds of the ingest benchmark.
 *
 * @param concurrency virtual users of each closed phase, 1-4096
 * @param warmUp length of the warm-up; zero skips it
 * @param phase length of each measured closed phase; at least one second
 * @param maxRequestsPerPhase request budget of each closed phase
 * @param fixedRates users per second of each open fixed-rate phase, one event each, in run order;
 *     empty skips them
 * @param fixedRateDuration length of each fixed-rate phase
 * @param requestTimeout a request unanswered for this long fails
 * @param maxDuration hard stop of the run; longer than {@link #plannedDuration()}
 * @param sampleInterval period of the resource samples
 * @param resultsDir folder of the resource samples and the run summary
 * @param candidateEnvironment extra GONOGO_* variables of the candidate
 */
public record IngestBenchLoad(
    int concurrency,
    Duration warmUp,
    Duration phase,
    long maxRequestsPerPhase,
    List<Integer> fixedRates,
    Duration fixedRateDuration,
    Duration requestTimeout,
    Duration maxDuration,
    Duration sampleInterval,
    Path resultsDir,
    Map<String, String> candidateEnvironment) {

  /** Closed phases after the warm-up: noop (event body), events, noop (session body), sessions. */
  public static final int MEASURED_CLOSED_PHASES = 4;

  public IngestBenchLoad {
    Objects.requireNonNull(warmUp, "warmUp");
    Objects.requireNonNull(phase, "phase");
    fixedRates = List.copyOf(fixedRates);
    Objects.requireNonNull(fixedRateDuration, "fixedRateDuration");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    Objects.requireNonNull(resultsDir, "resultsDir");
    candidateEnvironment = Map.copyOf(candidateEnvironment);
    if (concurrency < 1 || concurrency > 4096) {
      throw new IllegalArgumentException("concurrency must be 1-4096, was " + concurrency);
    }
    if (phase.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("phase must be at least 1 s, was " + phase);
    }
    if (maxRequestsPerPhase < 1) {
      throw new IllegalArgumentException(
          "maxRequestsPerPhase must be positive, was " + maxRequestsPerPhase);
    }
    if (fixedRates.stream().anyMatch(rate -> rate < 1)
        || fixedRates.stream().distinct().count() != fixedRates.size()) {
      throw new IllegalArgumentException("fixedRates must be distinct and positive: " + fixedRates);
    }
    Duration planned = planned(warmUp, phase, fixedRates, fixedRateDuration);
    if (maxDuration.compareTo(planned) <= 0) {
      throw new IllegalArgumentException(
          "maxDuration ("
              + maxDuration
              + ") must be longer than the planned run ("
              + planned
              + ")");
    }
    candidateEnvironment.keySet().stream()
        .filter(name -> !name.startsWith("GONOGO_"))
        .findFirst()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "candidateEnvironment holds " + name + ": only GONOGO_* variables");
            });
  }

  /** The fixed-rate phases that run: none when there are no rates or no seconds. */
  public List<Integer> fixedRatePhases() {
    return fixedRateDuration.isZero() ? List.of() : fixedRates;
  }

  /** Users of the fixed-rate phase at {@code rate}: rate times whole seconds, one request each. */
  public long fixedRateUsers(int rate) {
    return (long) rate * fixedRateDuration.toSeconds();
  }

  /** Each closed-phase user stops after this many requests (the phase budget, shared). */
  public int maxRequestsPerUser() {
    return Math.toIntExact(Math.min(Integer.MAX_VALUE, ceilDiv(maxRequestsPerPhase, concurrency)));
  }

  /** Warm-up, the measured closed phases and the fixed-rate phases, without answer tails. */
  public Duration plannedDuration() {
    return planned(warmUp, phase, fixedRates, fixedRateDuration);
  }

  private static Duration planned(
      Duration warmUp, Duration phase, List<Integer> fixedRates, Duration fixedRateDuration) {
    return warmUp
        .plus(phase.multipliedBy(MEASURED_CLOSED_PHASES))
        .plus(fixedRateDuration.multipliedBy(fixedRates.size()));
  }

  /** Parses the {@code gonogo.bench.*} keys; a bad value names its key and source. */
  public static IngestBenchLoad from(BenchSettings settings) {
    Duration warmUp = Duration.ofSeconds(settings.integer("gonogo.bench.warm-up-seconds", 0, 600));
    Duration phase = Duration.ofSeconds(settings.integer("gonogo.bench.phase-seconds", 1, 600));
    List<Integer> rates =
        rates(settings.get("gonogo.bench.fixed-rate.events-per-second"), settings);
    Duration fixed =
        Duration.ofSeconds(settings.integer("gonogo.bench.fixed-rate.seconds", 0, 600));
    LoadSettings.Value max = settings.get("gonogo.bench.max-duration-seconds");
    Duration maxDuration = Duration.ofSeconds(settings.integer(max.key(), 2, 7200));
    Duration planned = planned(warmUp, phase, rates, fixed);
    if (maxDuration.compareTo(planned) <= 0) {
      throw max.invalid(
          "more than the planned "
              + planned.toSeconds()
              + " s (warm-up-seconds + "
              + MEASURED_CLOSED_PHASES
              + " x phase-seconds + one fixed-rate.seconds per fixed rate)");
    }
    return new IngestBenchLoad(
        settings.integer("gonogo.bench.concurrency", 1, 4096),
        warmUp,
        phase,
        settings.integer("gonogo.bench.max-requests-per-phase", 1, 100_000_000),
        rates,
        fixed,
        Duration.ofMillis(settings.integer("gonogo.bench.request-timeout-ms", 100, 120_000)),
        maxDuration,
        Duration.ofMillis(settings.integer("gonogo.bench.sample-interval-ms", 50, 10_000)),
        Path.of(settings.string("gonogo.bench.results-dir")),
        environment(settings.get("gonogo.bench.candidate.environment"), settings));
  }

  private static List<Integer> rates(LoadSettings.Value value, BenchSettings settings) {
    List<Integer> rates = new ArrayList<>();
    for (String word : settings.words(value.key())) {
      try {
        int rate = Integer.parseInt(word);
        if (rate < 1 || rate > 100_000 || rates.contains(rate)) {
          throw new NumberFormatException();
        }
        rates.add(rate);
      } catch (NumberFormatException e) {
        throw value.invalid(
            "distinct whole numbers from 1 to 100000 separated by spaces, e.g. 1000 5000; empty"
                + " for no fixed-rate phase");
      }
    }
    return rates;
  }

  private static Map<String, String> environment(LoadSettings.Value value, BenchSettings settings) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String word : settings.words(value.key())) {
      int eq = word.indexOf('=');
      if (eq <= 0 || !word.startsWith("GONOGO_")) {
        throw value.invalid(
            "KEY=VALUE words with GONOGO_* names, e.g. GONOGO_INGEST_BATCH_SIZE=512");
      }
      env.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return env;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
