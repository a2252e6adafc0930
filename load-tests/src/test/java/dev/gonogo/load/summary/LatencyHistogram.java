package dev.gonogo.load.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToLongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Response times in milliseconds as an HdrHistogram (1 ms to 1 hour, {@value #SIGNIFICANT_DIGITS}
 * significant digits): the form in which several injectors' results merge with correct percentiles.
 * Percentiles are never averaged; histograms are added and the percentile is read from the sum.
 *
 * <p>In the JSON summary a histogram is its non-empty buckets, {@code [value, count]} pairs with
 * value the bucket's highest equivalent value; reading them back gives the same histogram.
 */
public final class LatencyHistogram {
  static final int SIGNIFICANT_DIGITS = 2;
  private static final long HIGHEST_MS = 3_600_000L;

  /** Above this many requests the quantile function is sampled at this many points. */
  static final int MAX_SAMPLES = 20_000;

  private final Histogram histogram;

  private LatencyHistogram(Histogram histogram) {
    this.histogram = histogram;
  }

  public static LatencyHistogram empty() {
    return new LatencyHistogram(new Histogram(1, HIGHEST_MS, SIGNIFICANT_DIGITS));
  }

  /**
   * The distribution of {@code count} response times described by Gatling's quantile function
   * ({@code percentile(rank)} with rank 0-100, from the report reader's digest): each of up to
   * {@value #MAX_SAMPLES} equally likely ranks is recorded with its share of the count, so the
   * histogram holds exactly {@code count} values.
   */
  public static LatencyHistogram fromQuantiles(long count, DoubleToLongFunction percentileToMs) {
    LatencyHistogram result = empty();
    if (count <= 0) {
      return result;
    }
    int samples = (int) Math.min(count, MAX_SAMPLES);
    long recorded = 0;
    for (int i = 0; i < samples; i++) {
      long upTo = Math.round((double) count * (i + 1) / samples);
      long weight = upTo - recorded;
      recorded = upTo;
      if (weight > 0) {
        result.record(percentileToMs.applyAsLong((i + 0.5) * 100.0 / samples), weight);
      }
    }
    return result;
  }

  /** Reads back the buckets of {@link #buckets()}. */
  public static LatencyHistogram fromBuckets(List<long[]> buckets) {
    LatencyHistogram result = empty();
    for (long[] bucket : buckets) {
      if (bucket.length != 2 || bucket[1] < 0) {
        throw new IllegalArgumentException("a bucket is [value ms, count]");
      }
      result.record(bucket[0], bucket[1]);
    }
    return result;
  }

  /** Records {@code count} requests of {@code ms}; below 1 ms counts as 1 ms. */
  public void record(long ms, long count) {
    if (count > 0) {
      histogram.recordValueWithCount(Math.max(1, Math.min(ms, HIGHEST_MS)), count);
    }
  }

  /** A new histogram holding both. */
  public LatencyHistogram plus(LatencyHistogram other) {
    Histogram sum = histogram.copy();
    sum.add(other.histogram);
    return new LatencyHistogram(sum);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /**
   * The response time below which {@code percentile} % of requests fall (0-100), within the
   * histogram's precision; 0 for an empty histogram.
   */
  public long percentile(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }

  /** Non-empty buckets, {@code [highest equivalent value ms, count]}, lowest first. */
  public List<long[]> buckets() {
    List<long[]> buckets = new ArrayList<>();
    for (HistogramIterationValue value : histogram.recordedValues()) {
      buckets.add(
          new long[] {
            histogram.highestEquivalentValue(value.getValueIteratedTo()),
            value.getCountAtValueIteratedTo()
          });
    }
    return buckets;
  }
}
