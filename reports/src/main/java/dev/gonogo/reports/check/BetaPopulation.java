package dev.gonogo.reports.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated beta population of one release: how many users (devices), how many sessions each, on
 * which SDKs and devices, how sessions end and how the app crashes. Replayed by {@link BetaReplay}
 * as Sentry-protocol envelopes; the same seed gives the same traffic.
 *
 * @param release the release the sessions and crashes belong to, e.g. {@code demo-app@1.5.0}
 * @param environment the Sentry environment, e.g. {@code beta}
 * @param users distinct devices ({@code did})
 * @param sessionsPerUser sessions each device sends, on average (at least 1 each)
 * @param from the first session's start
 * @param to the last session's start
 * @param abnormalPerSession the share of sessions killed by the OS (not crashes)
 * @param erroredPerSession the share of sessions with a handled error (not crashes)
 * @param crashes the ways the app crashes; their {@code perSession} sum below 1
 * @param seed the random seed
 */
public record BetaPopulation(
    String release,
    String environment,
    int users,
    double sessionsPerUser,
    Instant from,
    Instant to,
    double abnormalPerSession,
    double erroredPerSession,
    List<CrashKind> crashes,
    long seed) {

  /** The crashes every release of the demo app has: rare, and the same in every release. */
  public static final List<CrashKind> KNOWN_CRASHES =
      List.of(
          new CrashKind(
              "java.lang.IllegalStateException",
              "Fragment SettingsFragment not attached to a context",
              List.of(
                  "androidx.fragment.app.Fragment.requireContext:972",
                  "com.example.beta.ui.SettingsFragment.onResume:88",
                  "androidx.fragment.app.Fragment.performResume:3180"),
              0.00025),
          new CrashKind(
              "java.io.IOException",
              "stream closed",
              List.of(
                  "java.io.BufferedOutputStream.flush:142",
                  "com.example.beta.sync.UploadWorker.flush:57",
                  "com.example.beta.sync.UploadWorker.doWork:31"),
              0.00015),
          new CrashKind(
              "java.lang.IndexOutOfBoundsException",
              "Index 12 out of bounds for length 12",
              List.of(
                  "java.util.ArrayList.get:427",
                  "com.example.beta.feed.FeedAdapter.onBindViewHolder:64",
                  "androidx.recyclerview.widget.RecyclerView$Adapter.bindViewHolder:7254"),
              0.0001));

  /**
   * The seeded regression: when the server answers slowly, the reconnect handler dereferences a
   * response that timed out — the failure that took a chat network down in December 2010.
   */
  public static final CrashKind SLOW_ANSWER_CRASH =
      new CrashKind(
          "java.lang.NullPointerException",
          "Cannot invoke \"Response.body()\" because \"response\" is null (server answered after"
              + " the 2 s reconnect timeout)",
          List.of(
              "com.example.beta.net.ReconnectHandler.onSlowAnswer:141",
              "com.example.beta.net.ReconnectHandler.reconnect:96",
              "com.example.beta.net.Session.resume:212"),
          0.015);

  public BetaPopulation {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    crashes = List.copyOf(crashes);
    if (users < 1) {
      throw new IllegalArgumentException("a population needs at least 1 user, was " + users);
    }
    if (!(sessionsPerUser >= 1)) {
      throw new IllegalArgumentException("sessionsPerUser must be at least 1: " + sessionsPerUser);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the window " + from + ".." + to + " is empty");
    }
    double ends = abnormalPerSession + erroredPerSession;
    for (CrashKind crash : crashes) {
      ends += crash.perSession();
    }
    if (!(abnormalPerSession >= 0 && erroredPerSession >= 0 && ends < 1)) {
      throw new IllegalArgumentException(
          "abnormal, errored and crash shares must be non-negative and sum below 1, was " + ends);
    }
  }

  /** The share of sessions that end in any crash. */
  public double crashRate() {
    double rate = 0;
    for (CrashKind crash : crashes) {
      rate += crash.perSession();
    }
    return rate;
  }

  /** The expected number of sessions. */
  public long expectedSessions() {
    return Math.round(users * sessionsPerUser);
  }

  /**
   * A release as its beta users saw it: {@code users} devices over the window ending at {@code to},
   * crashing only in the {@link #KNOWN_CRASHES}.
   */
  public static BetaPopulation honest(
      String release, int users, double sessionsPerUser, Instant from, Instant to, long seed) {
    return new BetaPopulation(
        release, "beta", users, sessionsPerUser, from, to, 0.002, 0.01, KNOWN_CRASHES, seed);
  }

  /** The same population with the {@link #SLOW_ANSWER_CRASH} added. */
  public BetaPopulation withRegression() {
    List<CrashKind> more = new ArrayList<>(crashes);
    more.add(SLOW_ANSWER_CRASH);
    return new BetaPopulation(
        release,
        environment,
        users,
        sessionsPerUser,
        from,
        to,
        abnormalPerSession,
        erroredPerSession,
        more,
        seed);
  }

  /** The window's length. */
  public Duration window() {
    return Duration.between(from, to);
  }
}
