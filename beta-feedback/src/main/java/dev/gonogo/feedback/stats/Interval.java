package dev.gonogo.feedback.stats;

/**
 * A closed interval of rates, {@code 0 <= low <= high <= 1}, at its confidence: the level it was
 * built at (the rules that split their error rate build theirs at more than the policy's).
 */
public record Interval(double low, double high, double confidence) {
  public Interval {
    if (!(low >= 0 && high <= 1 && low <= high)) {
      throw new IllegalArgumentException("need 0 <= low <= high <= 1, got " + low + ", " + high);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("need 0 < confidence < 1, got " + confidence);
    }
  }

  /** The interval of {@code 1 - p}: a crash rate's interval as a crash-free rate's. */
  public Interval complement() {
    return new Interval(1 - high, 1 - low, confidence);
  }

  public boolean contains(double p) {
    return low <= p && p <= high;
  }
}
