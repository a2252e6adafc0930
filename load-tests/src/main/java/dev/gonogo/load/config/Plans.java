package dev.gonogo.load.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The load of each simulation under the chosen {@link LoadProfile}: from the {@code
 * gonogo.load.<simulation>.*} keys for smoke, scaled from the {@link TrafficModel} for realistic.
 * Every plan carries a hard stop, so every run ends by itself.
 */
public final class Plans {
  private Plans() {}

  /**
   * Devices opening sessions: first update, {@code sessionLength} later the last one; a share
   * {@code crashRate} of sessions crashes and sends a crash event before its last update.
   */
  public record BetaTraffic(
      Arrivals arrivals,
      Duration sessionLength,
      double crashRate,
      String release,
      Duration maxDuration) {
    public BetaTraffic {
      Objects.requireNonNull(arrivals, "arrivals");
      checkShare(crashRate, "crashRate");
      checkStop(maxDuration, arrivals.duration().plus(sessionLength));
    }
  }

  /**
   * A release whose sessions crash at {@code crashRate}, beside release managers reading release
   * health at {@code readers}. A candidate the suite starts gets {@code candidateEventsPerSecond}
   * as its event rate limit (0 keeps its own), so a short flood meets the limit.
   */
  public record CrashFlood(
      Arrivals arrivals,
      double crashRate,
      Arrivals readers,
      String release,
      int candidateEventsPerSecond,
      boolean expectRateLimited,
      Duration maxDuration) {
    public CrashFlood {
      checkShare(crashRate, "crashRate");
      if (candidateEventsPerSecond < 0) {
        throw new IllegalArgumentException("candidateEventsPerSecond must be >= 0");
      }
      checkStop(maxDuration, arrivals.duration());
    }
  }

  /** Every client reconnecting at the same moment and flushing what it cached offline. */
  /**
   * @param warmupSessions sessions sent (start and end, unmeasured) before the storm, so it hits a
   *     server that has been serving, as after a network outage; 0 storms a cold process
   */
  public record ReconnectStorm(
      int clients, double crashShare, Duration maxDuration, int warmupSessions) {
    public ReconnectStorm {
      if (clients < 1) {
        throw new IllegalArgumentException("clients must be >= 1, was " + clients);
      }
      checkShare(crashShare, "crashShare");
      if (warmupSessions < 0) {
        throw new IllegalArgumentException("warmupSessions must be >= 0, was " + warmupSessions);
      }
    }
  }

  /** Release managers opening the dashboard: every read path once, {@code thinkTime} apart. */
  public record ReleaseManager(Arrivals arrivals, Duration thinkTime, Duration maxDuration) {
    public ReleaseManager {
      checkStop(maxDuration, arrivals.duration());
    }
  }

  /**
   * Beta traffic at {@code steps} arrival rates, {@code startRate} then {@code increment} more per
   * step, each held for {@code stepDuration}.
   */
  public record Capacity(
      double startRate,
      double increment,
      int steps,
      Duration stepDuration,
      Duration sessionLength,
      double crashRate,
      String release,
      Duration maxDuration) {
    public Capacity {
      if (startRate <= 0 || increment < 0 || steps < 1) {
        throw new IllegalArgumentException("capacity: start rate > 0, increment >= 0, steps >= 1");
      }
      checkShare(crashRate, "crashRate");
      checkStop(maxDuration, stepDuration.multipliedBy(steps));
    }

    /** Arrival rate of step {@code index} (0-based). */
    public double rate(int index) {
      return startRate + increment * index;
    }
  }

  public static BetaTraffic betaTraffic(LoadSettings s) {
    String release = s.string("gonogo.load.release");
    if (LoadProfile.from(s) == LoadProfile.REALISTIC) {
      TrafficModel model = TrafficModel.from(s);
      Arrivals arrivals = realistic(model, model.peakSessionsPerSecond() * scale(s));
      return new BetaTraffic(
          arrivals,
          model.sessionLength(),
          model.crashRate(),
          release,
          arrivals.duration().plus(model.sessionLength()).plusSeconds(60));
    }
    return new BetaTraffic(
        Arrivals.constant(
            s.integer("gonogo.load.beta.users-per-second", 1, 10_000),
            s.seconds("gonogo.load.beta.duration-seconds", 1, 86_400)),
        s.millis("gonogo.load.beta.session-ms", 0, 3_600_000),
        share(s, "gonogo.load.beta.crash-rate"),
        release,
        s.seconds("gonogo.load.beta.max-duration-seconds", 2, 172_800));
  }

  public static CrashFlood crashFlood(LoadSettings s) {
    String release = s.string("gonogo.load.crash-flood.release");
    boolean expectLimited = bool(s, "gonogo.load.crash-flood.expect-rate-limited");
    if (LoadProfile.from(s) == LoadProfile.REALISTIC) {
      TrafficModel model = TrafficModel.from(s);
      Duration flood = model.peak();
      double readers =
          model.releaseManagers() / Math.max(1.0, model.dashboardThinkTime().toSeconds());
      return new CrashFlood(
          Arrivals.constant(model.peakSessionsPerSecond() * scale(s), flood),
          model.floodCrashRate(),
          Arrivals.constant(Math.max(0.1, readers), flood),
          release,
          0,
          expectLimited,
          flood.plusSeconds(120));
    }
    Duration duration = s.seconds("gonogo.load.crash-flood.duration-seconds", 1, 86_400);
    return new CrashFlood(
        Arrivals.constant(
            s.integer("gonogo.load.crash-flood.users-per-second", 1, 10_000), duration),
        share(s, "gonogo.load.crash-flood.crash-rate"),
        Arrivals.constant(
            s.integer("gonogo.load.crash-flood.readers-per-second", 1, 1_000), duration),
        release,
        s.integer("gonogo.load.crash-flood.candidate-events-per-second", 0, 1_000_000),
        expectLimited,
        s.seconds("gonogo.load.crash-flood.max-duration-seconds", 2, 172_800));
  }

  public static ReconnectStorm reconnectStorm(LoadSettings s) {
    Duration stop = s.seconds("gonogo.load.reconnect.max-duration-seconds", 2, 3_600);
    double crashShare = share(s, "gonogo.load.reconnect.crash-share");
    int warmup = s.integer("gonogo.load.reconnect.warmup-sessions", 0, 100_000);
    if (LoadProfile.from(s) == LoadProfile.REALISTIC) {
      TrafficModel model = TrafficModel.from(s);
      int clients = (int) Math.max(1, Math.round(model.peakConcurrentUsers() * scale(s)));
      return new ReconnectStorm(clients, model.crashRate(), stop, warmup);
    }
    return new ReconnectStorm(
        s.integer("gonogo.load.reconnect.clients", 1, 100_000), crashShare, stop, warmup);
  }

  public static ReleaseManager releaseManager(LoadSettings s) {
    if (LoadProfile.from(s) == LoadProfile.REALISTIC) {
      TrafficModel model = TrafficModel.from(s);
      double rate =
          Math.max(
              0.1, model.releaseManagers() / Math.max(1.0, model.dashboardThinkTime().toSeconds()));
      Arrivals arrivals = realistic(model, rate);
      return new ReleaseManager(
          arrivals, model.dashboardThinkTime(), arrivals.duration().plusSeconds(300));
    }
    return new ReleaseManager(
        Arrivals.constant(
            s.integer("gonogo.load.release-manager.users-per-second", 1, 1_000),
            s.seconds("gonogo.load.release-manager.duration-seconds", 1, 86_400)),
        s.millis("gonogo.load.release-manager.think-ms", 0, 600_000),
        s.seconds("gonogo.load.release-manager.max-duration-seconds", 2, 172_800));
  }

  public static Capacity capacity(LoadSettings s) {
    return new Capacity(
        s.integer("gonogo.load.capacity.start-users-per-second", 1, 100_000),
        s.integer("gonogo.load.capacity.increment-users-per-second", 0, 100_000),
        s.integer("gonogo.load.capacity.steps", 1, 100),
        s.seconds("gonogo.load.capacity.step-seconds", 1, 3_600),
        s.millis("gonogo.load.beta.session-ms", 0, 3_600_000),
        share(s, "gonogo.load.beta.crash-rate"),
        s.string("gonogo.load.release"),
        s.seconds("gonogo.load.capacity.max-duration-seconds", 2, 172_800));
  }

  /** Ramp from nothing to {@code peakRate}, hold it, then soak at the model's share of it. */
  static Arrivals realistic(TrafficModel model, double peakRate) {
    return new Arrivals(
        List.of(
            new Arrivals.Phase("ramp", 0, peakRate, model.ramp()),
            new Arrivals.Phase("peak", peakRate, peakRate, model.peak()),
            new Arrivals.Phase(
                "soak", peakRate * model.soakShare(), peakRate * model.soakShare(), model.soak())));
  }

  private static double scale(LoadSettings s) {
    LoadSettings.Value value = s.get("gonogo.load.realistic.scale");
    try {
      double scale = Double.parseDouble(value.value());
      if (scale > 0 && scale <= 1) {
        return scale;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw value.invalid("a share of the real population above 0 and at most 1, e.g. 0.01");
  }

  private static double share(LoadSettings s, String key) {
    LoadSettings.Value value = s.get(key);
    try {
      double share = Double.parseDouble(value.value());
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw value.invalid("a share from 0 to 1, e.g. 0.02");
  }

  private static boolean bool(LoadSettings s, String key) {
    LoadSettings.Value value = s.get(key);
    return switch (value.value()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw value.invalid("true or false");
    };
  }

  private static void checkShare(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be 0-1, was " + value);
    }
  }

  private static void checkStop(Duration maxDuration, Duration load) {
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxDuration.compareTo(load) <= 0) {
      throw new IllegalArgumentException(
          "the hard stop ("
              + maxDuration.toSeconds()
              + " s) must be longer than the load ("
              + load.toSeconds()
              + " s)");
    }
  }
}
