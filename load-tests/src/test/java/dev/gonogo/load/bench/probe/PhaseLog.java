package dev.gonogo.load.bench.probe;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * When each phase of the run sent its first request and received its last answer, as the
 * simulation's virtual users report it. The window is what a phase's requests per second are
 * computed over: Gatling's own per-request "Cnt/s" divides by the length of the whole run, which
 * for sequential phases would understate each of them.
 *
 * <p>Also tells the {@link ResourceSampler} which phase is running: the one that started last.
 */
public final class PhaseLog {
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile String current = "start-up";

  /** Nanos of the first request start and the last answer of one phase. */
  public static final class Window {
    private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);

    /** Seconds from the first request to the last answer; empty before any answer. */
    public Optional<Double> seconds() {
      long start = first.get();
      long end = last.get();
      return start == Long.MAX_VALUE || end < start
          ? Optional.empty()
          : Optional.of((end - start) / 1e9);
    }
  }

  /** A virtual user of {@code phase} is about to send a request. */
  public void sending(String phase) {
    windows.computeIfAbsent(phase, p -> new Window()).first.accumulate(System.nanoTime());
    if (!phase.equals(current)) {
      current = phase;
    }
  }

  /** A request of {@code phase} was answered (or failed). */
  public void answered(String phase) {
    windows.computeIfAbsent(phase, p -> new Window()).last.accumulate(System.nanoTime());
  }

  /** The phase that sent a request most recently started; "start-up" before any. */
  public String current() {
    return current;
  }

  public Optional<Window> window(String phase) {
    return Optional.ofNullable(windows.get(phase));
  }

  /** Marks the end of the load: samples from now on belong to no phase. */
  public void finished() {
    current = "after";
  }
}
