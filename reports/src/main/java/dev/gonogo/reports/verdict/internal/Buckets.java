package dev.gonogo.reports.verdict.internal;

import dev.gonogo.reports.read.LoadSummary;
import java.util.List;
import java.util.TreeMap;

/**
 * A latency histogram as sorted bucket values (ms) and counts: the load summary's {@code
 * histogram.buckets}, merged by value and sorted.
 */
public final class Buckets {
  final double[] values;
  final long[] counts;
  final long total;

  Buckets(double[] values, long[] counts) {
    this.values = values;
    this.counts = counts;
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    this.total = sum;
  }

  /** The buckets of {@code histogram}; empty when null. */
  public static Buckets of(LoadSummary.Histogram histogram) {
    TreeMap<Double, Long> sorted = new TreeMap<>();
    if (histogram != null) {
      for (List<Double> bucket : histogram.buckets()) {
        if (bucket.size() >= 2 && bucket.get(1) > 0) {
          sorted.merge(bucket.get(0), bucket.get(1).longValue(), Long::sum);
        }
      }
    }
    return fromMap(sorted);
  }

  static Buckets fromMap(TreeMap<Double, Long> sorted) {
    double[] values = new double[sorted.size()];
    long[] counts = new long[sorted.size()];
    int i = 0;
    for (var e : sorted.entrySet()) {
      values[i] = e.getKey();
      counts[i] = e.getValue();
      i++;
    }
    return new Buckets(values, counts);
  }

  public long total() {
    return total;
  }

  /**
   * The {@code q} quantile as the {@code ceil(q × n)}-th smallest value (a value of the data, as
   * Gatling and HdrHistogram report percentiles).
   */
  public double quantile(double q) {
    return valueAtRank(rank(q));
  }

  /** The 1-based rank of the {@code q} quantile: {@code ceil(q × n)}, at least 1. */
  long rank(double q) {
    return Math.max(1, (long) Math.ceil(q * total));
  }

  /** The {@code rank}-th smallest value, 1-based. */
  double valueAtRank(long rank) {
    long seen = 0;
    for (int i = 0; i < values.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /**
   * Every value, each bucket repeated by its count; above {@code max} values every count is scaled
   * by the same factor (rounded, at least 1), a deterministic subsample of the same shape.
   */
  double[] expand(int max) {
    double scale = total <= max ? 1.0 : (double) max / total;
    long n = 0;
    long[] scaled = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      scaled[i] = scale == 1.0 ? counts[i] : Math.max(1, Math.round(counts[i] * scale));
      n += scaled[i];
    }
    double[] out = new double[(int) n];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      for (long j = 0; j < scaled[i]; j++) {
        out[k++] = values[i];
      }
    }
    return out;
  }
}
