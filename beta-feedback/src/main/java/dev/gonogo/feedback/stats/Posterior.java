package dev.gonogo.feedback.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Bayesian reading of a comparison: with uniform Beta(1, 1) priors, the posterior of a rate after
 * {@code h} hits in {@code n} trials is Beta(1 + h, 1 + n - h).
 */
public final class Posterior {
  private static final int GRID = 200;

  private Posterior() {}

  /**
   * The posterior probability that the candidate's rate exceeds {@code allowed(baseline rate)}, for
   * an increasing {@code allowed}: the probability of a regression beyond the allowed increase.
   * Integrates the candidate's posterior survival against the baseline's posterior density on a
   * grid of {@value #GRID} points over the baseline's mean ± 10 standard deviations (the mass
   * outside is below 1e-20). Empty inputs give 0.5: no data, no lean either way.
   */
  public static double probabilityAbove(
      Proportion candidate, Proportion baseline, DoubleUnaryOperator allowed) {
    if (candidate.isEmpty() || baseline.isEmpty()) {
      return 0.5;
    }
    BetaDistribution c = posterior(candidate);
    BetaDistribution b = posterior(baseline);
    double mean = b.getMean();
    double sd = Math.sqrt(b.getVariance());
    double low = Math.max(0, mean - 10 * sd);
    double high = Math.min(1, mean + 10 * sd);
    double step = (high - low) / GRID;
    double weight = 0;
    double sum = 0;
    for (int i = 0; i < GRID; i++) {
      double x = low + (i + 0.5) * step;
      double w = b.density(x);
      weight += w;
      sum += w * c.survivalProbability(Math.min(1, allowed.applyAsDouble(x)));
    }
    return weight == 0 ? 0.5 : sum / weight;
  }

  static BetaDistribution posterior(Proportion p) {
    return BetaDistribution.of(1 + p.hits(), 1 + p.trials() - p.hits());
  }
}
