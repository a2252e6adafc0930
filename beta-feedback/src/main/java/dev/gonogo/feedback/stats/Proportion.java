package dev.gonogo.feedback.stats;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * {@code hits} out of {@code trials} (crashed sessions out of sessions). An empty proportion (no
 * trials) has no value and no interval: zero sessions are not 100 % crash-free, they are no data.
 */
public record Proportion(long hits, long trials) {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * Prior of the mixture in {@link #anytimeInterval}: Beta(1/2, 20), mean 2.4 %, which puts the
   * martingale's power where crash rates live (0.01 % to 5 %): intervals there are about 15 %
   * narrower than with Jeffreys' Beta(1/2, 1/2). The interval is valid whatever the prior (chosen
   * before any data); a poor choice only widens it.
   */
  static final double MIXTURE_A = 0.5;

  static final double MIXTURE_B = 100;

  public Proportion {
    if (trials < 0 || hits < 0 || hits > trials) {
      throw new IllegalArgumentException("need 0 <= hits <= trials, got " + hits + " of " + trials);
    }
  }

  public boolean isEmpty() {
    return trials == 0;
  }

  /** {@code hits / trials}; empty when there are no trials. */
  public OptionalDouble value() {
    return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / trials);
  }

  /** {@code trials - hits} out of {@code trials}: crash-free from crashed. */
  public Proportion complement() {
    return new Proportion(trials - hits, trials);
  }

  /**
   * The Wilson score interval at {@code confidence} (e.g. 0.95): for a reading at one moment. It
   * stays inside [0, 1] and is sensible at small counts and at 0 hits, unlike the normal
   * approximation. Empty when there are no trials.
   */
  public Optional<Interval> wilson(double confidence) {
    if (trials == 0) {
      return Optional.empty();
    }
    double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    double n = trials;
    double p = hits / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Optional.of(new Interval(clamp(centre - half), clamp(centre + half), confidence));
  }

  /**
   * A confidence sequence at level {@code 1 - alpha}: with probability at least {@code 1 - alpha}
   * the true rate lies inside the interval at every sample size at once, so a decision taken when
   * it first excludes a threshold keeps its error rate however often it is checked as data accrues
   * (Robbins' beta-binomial mixture martingale and Ville's inequality). The interval is the set of
   * rates {@code p} with {@code p^h (1-p)^(n-h) > alpha B(a+h, b+n-h) / B(a, b)}; it is exact (no
   * normal approximation), so it holds at small counts and near 0 %. With no trials it is [0, 1].
   */
  public Interval anytimeInterval(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (trials == 0) {
      return new Interval(0, 1, 1 - alpha);
    }
    double threshold =
        Math.log(alpha)
            + LogBeta.value(MIXTURE_A + hits, MIXTURE_B + trials - hits)
            - LogBeta.value(MIXTURE_A, MIXTURE_B);
    double mle = (double) hits / trials;
    double low = hits == 0 ? 0 : root(0, mle, threshold);
    double high = hits == trials ? 1 : root(1, mle, threshold);
    return new Interval(clamp(Math.min(low, mle)), clamp(Math.max(high, mle)), 1 - alpha);
  }

  /** log-likelihood of rate p. */
  private double logLikelihood(double p) {
    double l = 0;
    if (hits > 0) {
      l += hits * Math.log(p);
    }
    if (trials - hits > 0) {
      l += (trials - hits) * Math.log1p(-p);
    }
    return l;
  }

  /**
   * Bisection for the rate between {@code outside} (log-likelihood below the threshold) and the MLE
   * (above it) where the log-likelihood crosses the threshold; the log-likelihood is concave, so
   * there is one crossing on each side.
   */
  private double root(double outside, double mle, double threshold) {
    double in = mle;
    double out = outside;
    for (int i = 0; i < 100 && Math.abs(in - out) > 1e-12; i++) {
      double mid = (in + out) / 2;
      if (logLikelihood(mid) > threshold) {
        in = mid;
      } else {
        out = mid;
      }
    }
    return out; // the conservative end: just outside the set
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
