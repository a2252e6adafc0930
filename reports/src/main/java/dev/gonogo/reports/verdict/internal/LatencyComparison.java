package dev.gonogo.reports.verdict.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Candidate against baseline latency, from the two histograms: a one-sided Mann–Whitney rank test
 * (candidate slower) with the Hodges–Lehmann shift and its distribution-free interval, and a
 * bootstrap of the increase of a tail percentile.
 */
public final class LatencyComparison {
  /** Values per side given to the rank test; larger histograms are scaled down to this. */
  static final int MAX_RANK_VALUES = 50_000;

  /** Bootstrap rounds of the tail check. */
  public static final int BOOTSTRAP_ROUNDS = 2000;

  private static final MannWhitneyUTest RANK_TEST =
      MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

  private LatencyComparison() {}

  /**
   * The rank test and the shift.
   *
   * @param pValue one-sided: the chance of a rank sum this high when the candidate is not slower
   * @param shiftMs Hodges–Lehmann estimate: the median of all candidate − baseline differences
   * @param low lower bound of the shift's interval at {@code confidence}
   * @param high upper bound
   * @param baselineMedianMs the baseline's median, to state the shift in %
   */
  public record Shift(
      double pValue, double shiftMs, double low, double high, double baselineMedianMs) {
    public double shiftPercent() {
      return baselineMedianMs > 0 ? shiftMs / baselineMedianMs * 100 : Double.NaN;
    }
  }

  /**
   * @param confidence two-sided confidence of the shift's interval
   */
  public static Shift shift(Buckets candidate, Buckets baseline, double confidence) {
    double p =
        RANK_TEST
            .test(candidate.expand(MAX_RANK_VALUES), baseline.expand(MAX_RANK_VALUES))
            .getPValue();
    double m = candidate.total;
    double n = baseline.total;
    double mn = m * n;
    double hl = differenceAtRank(candidate, baseline, Math.ceil(mn / 2));
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
    double ca = Math.floor(mn / 2 - z * Math.sqrt(mn * (m + n + 1) / 12));
    double low;
    double high;
    if (ca < 0) {
      low = differenceAtRank(candidate, baseline, 1);
      high = differenceAtRank(candidate, baseline, mn);
    } else {
      low = differenceAtRank(candidate, baseline, ca + 1);
      high = differenceAtRank(candidate, baseline, mn - ca);
    }
    return new Shift(p, hl, Math.min(low, hl), Math.max(high, hl), baseline.quantile(0.5));
  }

  /**
   * The {@code rank}-th smallest of the m × n pairwise differences candidate − baseline, each pair
   * of buckets weighted by the product of their counts; found by bisection on the difference with a
   * two-pointer count, so it costs O(buckets) per step, never O(m × n).
   */
  static double differenceAtRank(Buckets c, Buckets b, double rank) {
    double lo = c.values[0] - b.values[b.values.length - 1];
    double hi = c.values[c.values.length - 1] - b.values[0];
    if (weightAtMost(c, b, lo) >= rank) {
      return lo;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, Math.abs(hi)); i++) {
      double mid = (lo + hi) / 2;
      if (weightAtMost(c, b, mid) >= rank) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Weight of pairs with candidate − baseline ≤ t. */
  private static double weightAtMost(Buckets c, Buckets b, double t) {
    // For each candidate bucket, baseline values ≥ value - t: count with a pointer moving right.
    double[] suffix = new double[b.values.length + 1];
    for (int j = b.values.length - 1; j >= 0; j--) {
      suffix[j] = suffix[j + 1] + b.counts[j];
    }
    double weight = 0;
    int j = 0;
    for (int i = 0; i < c.values.length; i++) {
      double need = c.values[i] - t;
      while (j < b.values.length && b.values[j] < need) {
        j++;
      }
      weight += (double) c.counts[i] * suffix[j];
    }
    return weight;
  }

  /**
   * The bootstrap of a tail percentile's increase.
   *
   * @param candidateMs the candidate's percentile
   * @param baselineMs the baseline's percentile
   * @param increasePercent (candidate / baseline − 1) × 100
   * @param low lower bound of the increase at {@code confidence} (two-sided)
   * @param high upper bound
   * @param oneSidedLow the one-sided lower bound at the decision's level: above 0 means the
   *     increase is significant
   */
  public record TailShift(
      double candidateMs,
      double baselineMs,
      double increasePercent,
      double low,
      double high,
      double oneSidedLow) {}

  /**
   * Resamples both histograms (multinomially, with their own counts) {@code rounds} times and takes
   * the percentile's increase each time. The k-th smallest of n draws from a histogram is its
   * inverse CDF at a Beta(k, n − k + 1) variate, so each round draws that one variate per side
   * instead of n values: the same distribution as resampling every request, in O(buckets).
   *
   * @param q the percentile, e.g. 0.99
   * @param confidence two-sided confidence of the interval; the one-sided bound uses the same α
   * @param seed the random source's seed: the same inputs give the same verdict
   */
  public static TailShift tail(
      Buckets candidate, Buckets baseline, double q, double confidence, int rounds, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousDistribution.Sampler c = orderStatistic(candidate, q).createSampler(rng);
    ContinuousDistribution.Sampler b = orderStatistic(baseline, q).createSampler(rng);
    double[] increases = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      // The inverse CDF at u is the u quantile: counts are whole, so share >= u is rank >= ceil.
      double cv = candidate.quantile(c.sample());
      double bv = baseline.quantile(b.sample());
      increases[i] = (cv / bv - 1) * 100;
    }
    java.util.Arrays.sort(increases);
    double alpha = 1 - confidence;
    double cq = candidate.quantile(q);
    double bq = baseline.quantile(q);
    return new TailShift(
        cq,
        bq,
        (cq / bq - 1) * 100,
        at(increases, alpha / 2),
        at(increases, 1 - alpha / 2),
        at(increases, alpha));
  }

  private static BetaDistribution orderStatistic(Buckets h, double q) {
    long k = h.rank(q);
    return BetaDistribution.of(k, h.total - k + 1);
  }

  private static double at(double[] sorted, double p) {
    int i = (int) Math.floor(p * (sorted.length - 1));
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
