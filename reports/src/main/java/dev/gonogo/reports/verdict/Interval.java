package dev.gonogo.reports.verdict;

/**
 * A confidence interval around an observed value, in the finding's unit.
 *
 * @param low lower bound
 * @param high upper bound, not below {@code low}
 * @param confidence the interval's confidence, e.g. 0.95
 * @param method how it was computed, e.g. {@code wilson}, {@code anytime beta-binomial}, {@code
 *     bootstrap}, {@code hodges-lehmann}
 */
public record Interval(double low, double high, double confidence, String method) {
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("interval bounds must be ordered: " + low + ".." + high);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must lie in (0, 1): " + confidence);
    }
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("an interval names its method");
    }
  }
}
