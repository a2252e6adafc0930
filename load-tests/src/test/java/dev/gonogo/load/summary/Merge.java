package dev.gonogo.load.summary;

import dev.gonogo.load.summary.Summary.AssertionOutcome;
import dev.gonogo.load.summary.Summary.Distribution;
import dev.gonogo.load.summary.Summary.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Several injectors' summaries of the same simulation as one: counts add up, min and max are the
 * extremes, means are weighted, standard deviations pooled, and percentiles are read from the sum
 * of the latency histograms (never averaged). Throughput is the total count over the merged window
 * (first start to last end). The assertions are evaluated again on the merged figures.
 */
public final class Merge {
  private Merge() {}

  public static Summary of(List<Summary> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Summary first = parts.get(0);
    for (Summary part : parts) {
      if (!part.simulation().equals(first.simulation())) {
        throw new IllegalArgumentException(
            "cannot merge runs of different simulations: "
                + first.simulation()
                + " and "
                + part.simulation());
      }
    }
    long start = parts.stream().mapToLong(Summary::start).min().orElseThrow();
    long end = parts.stream().mapToLong(Summary::end).max().orElseThrow();
    double seconds = Math.max(1.0, (end - start) / 1000.0);
    Entry global = entry(parts.stream().map(Summary::global).toList(), seconds);
    List<Entry> groups = mergeAll(parts, Summary::groups, seconds);
    List<Entry> requests = mergeAll(parts, Summary::requests, seconds);
    List<String> runs = parts.stream().flatMap(p -> p.runs().stream()).toList();
    Summary withoutAssertions =
        new Summary(
            Summary.SCHEMA,
            first.simulation(),
            first.profile(),
            first.label(),
            runs,
            start,
            end,
            "broken",
            global,
            groups,
            requests,
            List.of(),
            null);
    List<AssertionOutcome> outcomes =
        first.assertions().stream().map(a -> Evaluate.again(a, withoutAssertions)).toList();
    return new Summary(
        Summary.SCHEMA,
        first.simulation(),
        first.profile(),
        first.label(),
        runs,
        start,
        end,
        RunReader.status(global, outcomes),
        global,
        groups,
        requests,
        outcomes,
        null);
  }

  private static List<Entry> mergeAll(
      List<Summary> parts, Function<Summary, List<Entry>> entries, double seconds) {
    Map<List<String>, List<Entry>> byPath = new LinkedHashMap<>();
    for (Summary part : parts) {
      for (Entry entry : entries.apply(part)) {
        byPath.computeIfAbsent(entry.path(), p -> new ArrayList<>()).add(entry);
      }
    }
    return byPath.values().stream().map(same -> entry(same, seconds)).toList();
  }

  static Entry entry(List<Entry> same, double seconds) {
    long count = same.stream().mapToLong(Entry::count).sum();
    long ok = same.stream().mapToLong(Entry::ok).sum();
    return new Entry(
        same.get(0).kind(),
        same.get(0).path(),
        count,
        ok,
        count - ok,
        count == 0 ? 0 : 100.0 * (count - ok) / count,
        count / seconds,
        distribution(same.stream().map(Entry::responseTimeMs).filter(Objects::nonNull).toList()),
        distribution(same.stream().map(Entry::okResponseTimeMs).filter(Objects::nonNull).toList()));
  }

  /** Pooled distribution; null when no part had one. */
  static Distribution distribution(List<Distribution> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    LatencyHistogram sum = LatencyHistogram.empty();
    long n = 0;
    double total = 0;
    double squares = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Distribution part : parts) {
      LatencyHistogram histogram = part.histogram().toLatency();
      long count = histogram.count();
      sum = sum.plus(histogram);
      n += count;
      total += part.mean() * count;
      squares += count * (part.stdDev() * part.stdDev() + part.mean() * part.mean());
      min = Math.min(min, part.min());
      max = Math.max(max, part.max());
    }
    double mean = n == 0 ? 0 : total / n;
    double variance = n == 0 ? 0 : Math.max(0, squares / n - mean * mean);
    Map<String, Long> percentiles = new LinkedHashMap<>();
    for (String key : Distribution.PERCENTILES) {
      percentiles.put(key, Math.min(max, Math.max(min, sum.percentile(Double.parseDouble(key)))));
    }
    return new Distribution(
        min, mean, max, Math.sqrt(variance), percentiles, Summary.Histogram.of(sum));
  }
}
