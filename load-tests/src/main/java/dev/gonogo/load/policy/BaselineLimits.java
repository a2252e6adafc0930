package dev.gonogo.load.policy;

/**
 * How much worse the candidate may be than the baseline in the same simulation, from {@code
 * load.baseline} of the release policy. Increases are relative to the baseline's value, except the
 * error percentage, which is in percentage points.
 *
 * @param maxMedianIncreasePercent largest allowed shift of the median (Hodges–Lehmann), in percent
 * @param maxP95IncreasePercent largest allowed rise of the 95th percentile, in percent
 * @param maxP99IncreasePercent largest allowed rise of the 99th percentile, in percent
 * @param minIncreaseMs a latency rise smaller than this, in ms, is never a regression (a 3 ms
 *     median that becomes 4 ms is +33 %, and nothing a user sees)
 * @param maxErrorPercentIncrease largest allowed rise of the error percentage, in points
 * @param excludeSimulations simulations (short class names) not compared with their baseline:
 *     bursts whose requests all move together are one event each, judged by their SLOs
 */
public record BaselineLimits(
    double maxMedianIncreasePercent,
    double maxP95IncreasePercent,
    double maxP99IncreasePercent,
    double minIncreaseMs,
    double maxErrorPercentIncrease,
    java.util.Set<String> excludeSimulations) {
  public BaselineLimits {
    excludeSimulations = java.util.Set.copyOf(excludeSimulations);
    if (maxMedianIncreasePercent < 0
        || maxP95IncreasePercent < 0
        || maxP99IncreasePercent < 0
        || minIncreaseMs < 0
        || maxErrorPercentIncrease < 0) {
      throw new IllegalArgumentException("baseline limits cannot be negative");
    }
  }
}
