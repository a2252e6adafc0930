package dev.gonogo.load.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Load level and bounds of the smoke simulation: an open model injecting {@link #usersPerSecond()}
 * new virtual users per second for {@link #duration()}, cut at {@link #maxDuration()}.
 *
 * @param usersPerSecond arrival rate of virtual users, 1-1000
 * @param duration how long users arrive; at least one second
 * @param maxDuration hard stop of the run; longer than {@code duration}
 * @param p95Max bound of the 95th percentile of response times
 */
public record SmokeLoad(
    int usersPerSecond, Duration duration, Duration maxDuration, Duration p95Max) {

  public SmokeLoad {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(maxDuration, "maxDuration");
    Objects.requireNonNull(p95Max, "p95Max");
    if (usersPerSecond < 1 || usersPerSecond > 1000) {
      throw new IllegalArgumentException("usersPerSecond must be 1-1000, was " + usersPerSecond);
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("duration must be at least 1 s, was " + duration);
    }
    if (maxDuration.compareTo(duration) <= 0) {
      throw new IllegalArgumentException(
          "maxDuration (" + maxDuration + ") must be longer than duration (" + duration + ")");
    }
    if (p95Max.isNegative() || p95Max.isZero()) {
      throw new IllegalArgumentException("p95Max must be positive, was " + p95Max);
    }
  }

  /** Virtual users the run injects in total: rate times whole seconds; always at least 1. */
  public long users() {
    return usersPerSecond * duration.toSeconds();
  }

  /**
   * Requests a complete run sends when each user sends {@code requestsPerUser}. The simulation
   * asserts at least this many, so a run that sent nothing (or was cut short) can never pass.
   */
  public long expectedRequests(int requestsPerUser) {
    if (requestsPerUser < 1) {
      throw new IllegalArgumentException(
          "requestsPerUser must be positive, was " + requestsPerUser);
    }
    return users() * requestsPerUser;
  }

  /** Parses the {@code gonogo.load.smoke.*} keys; an inconsistent pair names both keys. */
  public static SmokeLoad from(LoadSettings settings) {
    int rate = settings.integer("gonogo.load.smoke.users-per-second", 1, 1000);
    Duration duration = settings.seconds("gonogo.load.smoke.duration-seconds", 1, 3600);
    LoadSettings.Value max = settings.get("gonogo.load.smoke.max-duration-seconds");
    Duration maxDuration = settings.seconds(max.key(), 2, 7200);
    if (maxDuration.compareTo(duration) <= 0) {
      throw max.invalid(
          "more than gonogo.load.smoke.duration-seconds="
              + duration.toSeconds()
              + ", the run's hard stop");
    }
    Duration p95Max = settings.millis("gonogo.load.smoke.p95-max-ms", 1, 600_000);
    return new SmokeLoad(rate, duration, maxDuration, p95Max);
  }
}
