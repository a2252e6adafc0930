package dev.gonogo.load.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An open injection profile: phases of new virtual users per second, run one after the other. Smoke
 * runs have one constant phase; realistic runs ramp, hold the peak, then soak.
 */
public record Arrivals(List<Arrivals.Phase> phases) {

  /**
   * New users per second going linearly from {@code fromRate} to {@code toRate} during {@code
   * duration}; equal rates make a constant phase.
   */
  public record Phase(String name, double fromRate, double toRate, Duration duration) {
    public Phase {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duration, "duration");
      if (fromRate < 0 || toRate < 0 || (fromRate == 0 && toRate == 0)) {
        throw new IllegalArgumentException(
            "phase "
                + name
                + ": rates must be >= 0 and not both 0, were "
                + fromRate
                + ", "
                + toRate);
      }
      if (duration.toMillis() < 1000) {
        throw new IllegalArgumentException("phase " + name + " must last at least 1 s");
      }
    }

    public boolean isConstant() {
      return fromRate == toRate;
    }

    /** Users this phase injects: the area under its rate. */
    public double users() {
      return (fromRate + toRate) / 2 * duration.toMillis() / 1000.0;
    }
  }

  public Arrivals {
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("an injection profile needs at least one phase");
    }
  }

  /** One constant phase. */
  public static Arrivals constant(double usersPerSecond, Duration duration) {
    return new Arrivals(List.of(new Phase("constant", usersPerSecond, usersPerSecond, duration)));
  }

  public Duration duration() {
    return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * Users a complete run injects at least: every user of a constant phase, 90 % of a ramp's (its
   * rate is applied in whole users per second, so its count is approximate). Never below 1.
   */
  public long minimumUsers() {
    double users = 0;
    for (Phase phase : phases) {
      users += phase.isConstant() ? phase.users() : 0.9 * phase.users();
    }
    return Math.max(1, (long) Math.floor(users));
  }

  /** The highest rate of any phase. */
  public double peakRate() {
    return phases.stream().mapToDouble(p -> Math.max(p.fromRate(), p.toRate())).max().orElse(0);
  }
}
