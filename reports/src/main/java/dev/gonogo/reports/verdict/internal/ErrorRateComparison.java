package dev.gonogo.reports.verdict.internal;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Candidate against baseline error rate: a one-sided two-proportion test (Fisher's exact test when
 * an expected count is below 5, else Pearson's chi-square, halved in the worsening direction) and
 * Newcombe's hybrid score interval of the difference (from the two Wilson intervals).
 *
 * @param candidatePercent the candidate's errors, % of its requests
 * @param baselinePercent the baseline's
 * @param differencePoints candidate − baseline, percentage points
 * @param low lower bound of the difference's interval, points
 * @param high upper bound
 * @param pValue one-sided: the chance of a difference this large when the candidate is not worse
 * @param method {@code fisher} or {@code chi-square}
 */
public record ErrorRateComparison(
    double candidatePercent,
    double baselinePercent,
    double differencePoints,
    double low,
    double high,
    double pValue,
    String method) {

  /**
   * @param confidence two-sided confidence of the interval
   */
  public static ErrorRateComparison of(
      long candidateKo,
      long candidateCount,
      long baselineKo,
      long baselineCount,
      double confidence) {
    double p1 = (double) candidateKo / candidateCount;
    double p2 = (double) baselineKo / baselineCount;
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
    double[] w1 = wilson(candidateKo, candidateCount, z);
    double[] w2 = wilson(baselineKo, baselineCount, z);
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - w1[0]) + sq(w2[1] - p2));
    double high = d + Math.sqrt(sq(w1[1] - p1) + sq(p2 - w2[0]));
    long errors = candidateKo + baselineKo;
    long oks = candidateCount - candidateKo + baselineCount - baselineKo;
    double pValue;
    String method;
    if (errors == 0 || oks == 0) {
      pValue = 1.0;
      method = "no difference possible";
    } else {
      long all = candidateCount + baselineCount;
      double minExpected =
          Math.min(
              (double) Math.min(candidateCount, baselineCount) * errors / all,
              (double) Math.min(candidateCount, baselineCount) * oks / all);
      if (minExpected < 5 && all <= Integer.MAX_VALUE) {
        method = "fisher";
        pValue =
            FisherExactTest.withDefaults()
                .with(AlternativeHypothesis.GREATER_THAN)
                .test(
                    new int[][] {
                      {(int) candidateKo, (int) (candidateCount - candidateKo)},
                      {(int) baselineKo, (int) (baselineCount - baselineKo)}
                    })
                .getPValue();
      } else {
        method = "chi-square";
        double twoSided =
            ChiSquareTest.withDefaults()
                .test(
                    new long[][] {
                      {candidateKo, candidateCount - candidateKo},
                      {baselineKo, baselineCount - baselineKo}
                    })
                .getPValue();
        pValue = d > 0 ? twoSided / 2 : 1 - twoSided / 2;
      }
    }
    return new ErrorRateComparison(
        p1 * 100, p2 * 100, d * 100, low * 100, high * 100, pValue, method);
  }

  private static double[] wilson(long k, long n, double z) {
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  private static double sq(double x) {
    return x * x;
  }
}
