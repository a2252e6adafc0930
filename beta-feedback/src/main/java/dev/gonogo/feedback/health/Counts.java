package dev.gonogo.feedback.health;

import dev.gonogo.feedback.stats.Interval;
import dev.gonogo.feedback.stats.Proportion;

/**
 * Session and user counts of a release (or of one group of it). Outcomes are disjoint: a session is
 * crashed, abnormal, errored or healthy; abnormal and errored sessions are not crashes.
 */
public record Counts(
    long sessions,
    long crashed,
    long abnormal,
    long errored,
    long users,
    long crashedUsers,
    long crashEvents) {
  public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

  public long healthy() {
    return sessions - crashed - abnormal - errored;
  }

  /** Crashed sessions out of sessions. */
  public Proportion crashedSessions() {
    return new Proportion(Math.min(crashed, sessions), sessions);
  }

  /** Crashed users out of users (device ids). */
  public Proportion crashedUsersShare() {
    return new Proportion(Math.min(crashedUsers, users), users);
  }

  /**
   * A crash-free rate with its 95 % Wilson interval, as the API shows it: {@code value} null when
   * there is no data (no sessions is not 100 % crash-free).
   */
  public record Rate(Double value, Double low, Double high, long of) {
    static Rate crashFree(Proportion crashed) {
      if (crashed.isEmpty()) {
        return new Rate(null, null, null, 0);
      }
      Interval i = crashed.wilson(0.95).orElseThrow().complement();
      return new Rate(1 - crashed.value().getAsDouble(), i.low(), i.high(), crashed.trials());
    }
  }

  public Rate crashFreeSessions() {
    return Rate.crashFree(crashedSessions());
  }

  public Rate crashFreeUsers() {
    return Rate.crashFree(crashedUsersShare());
  }
}
