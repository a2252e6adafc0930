package dev.gonogo.feedback.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Bayesian reading of a comparison: with uniform Beta(1, 1) priors, the posterior of a rate after
 * {@code h} hits in {@code n} trials is Beta(1 + h, 1 + n - h).
 */
public final class Posterior {
  private static final int GRID = 400;

  private Posterior() {}

  /**
   * The posterior probability that the candidate's rate exceeds {@code allowed(baseline rate)}, for
   * an increasing {@code allowed}: the probability of a regression beyond the allowed increase.
   * Integrates over the baseline posterior's quantiles (midpoint rule on {@value #GRID} points).
   * Empty inputs give 0.5: no data, no lean either way.
   */
  public static double probabilityAbove(
      Proportion candidate, Proportion baseline, DoubleUnaryOperator allowed) {
    if (candidate.isEmpty() || baseline.isEmpty()) {
      return 0.5;
    }
    BetaDistribution c = posterior(candidate);
    BetaDistribution b = posterior(baseline);
    double sum = 0;
    for (int i = 0; i < GRID; i++) {
      double q = b.inverseCumulativeProbability((i + 0.5) / GRID);
      sum += c.survivalProbability(Math.min(1, allowed.applyAsDouble(q)));
    }
    return sum / GRID;
  }

  static BetaDistribution posterior(Proportion p) {
    return BetaDistribution.of(1 + p.hits(), 1 + p.trials() - p.hits());
  }
}
