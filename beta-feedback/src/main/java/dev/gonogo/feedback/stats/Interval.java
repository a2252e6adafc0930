package dev.gonogo.feedback.stats;

/** A closed interval of rates, {@code 0 <= low <= high <= 1}. */
public record Interval(double low, double high) {
  public Interval {
    if (!(low >= 0 && high <= 1 && low <= high)) {
      throw new IllegalArgumentException("need 0 <= low <= high <= 1, got " + low + ", " + high);
    }
  }

  /** The interval of {@code 1 - p}: a crash rate's interval as a crash-free rate's. */
  public Interval complement() {
    return new Interval(1 - high, 1 - low);
  }

  public boolean contains(double p) {
    return low <= p && p <= high;
  }
}
