package dev.gonogo.load.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the real beta population does, from the traffic-model file: the realistic profile scales its
 * load from these figures (see {@code traffic-model.properties}, which documents each key).
 *
 * @param peakConcurrentUsers devices with an open session at the busiest time
 * @param sessionLength how long a session lasts, first update to last
 * @param crashRate share of sessions that end in a crash, 0-1
 * @param floodCrashRate share of sessions that crash in the crash-flood scenario, 0-1
 * @param releaseManagers release managers reading the dashboard at the same time
 * @param dashboardThinkTime pause between two dashboard reads of one release manager
 * @param ramp time from no load to the peak
 * @param peak how long the peak lasts
 * @param soak how long the soak after the peak lasts
 * @param soakShare load during the soak as a share of the peak, 0-1
 */
public record TrafficModel(
    int peakConcurrentUsers,
    Duration sessionLength,
    double crashRate,
    double floodCrashRate,
    int releaseManagers,
    Duration dashboardThinkTime,
    Duration ramp,
    Duration peak,
    Duration soak,
    double soakShare) {
  static final String BUNDLED = "traffic-model.properties";
  private static final Set<String> KEYS =
      Set.of(
          "peak-concurrent-users",
          "session-seconds",
          "crash-rate",
          "flood-crash-rate",
          "release-managers",
          "dashboard-think-seconds",
          "ramp-seconds",
          "peak-seconds",
          "soak-seconds",
          "soak-share");

  public TrafficModel {
    if (peakConcurrentUsers < 1 || releaseManagers < 0) {
      throw new IllegalArgumentException(
          "peak-concurrent-users must be >= 1, release-managers >= 0");
    }
    share(crashRate, "crash-rate");
    share(floodCrashRate, "flood-crash-rate");
    share(soakShare, "soak-share");
  }

  /** New sessions per second at the peak (Little's law: concurrent users / session length). */
  public double peakSessionsPerSecond() {
    return peakConcurrentUsers / (sessionLength.toMillis() / 1000.0);
  }

  /** The file named by {@code gonogo.load.traffic-model}, or the bundled model when it is empty. */
  public static TrafficModel from(LoadSettings settings) {
    Optional<String> file = settings.optional("gonogo.load.traffic-model");
    Properties properties = new Properties();
    String where = file.map(f -> Path.of(f).toAbsolutePath().toString()).orElse(BUNDLED);
    try (InputStream in =
            file.isPresent()
                ? Files.newInputStream(Path.of(file.get()))
                : TrafficModel.class.getResourceAsStream(BUNDLED);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | NullPointerException e) {
      throw new ConfigException(
          "Cannot read the traffic model " + where + " (gonogo.load.traffic-model): " + e);
    }
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "Unknown key(s) in the traffic model " + where + ": " + unknown + "; known: " + KEYS);
    }
    try {
      return new TrafficModel(
          Integer.parseInt(value(properties, where, "peak-concurrent-users")),
          seconds(properties, where, "session-seconds"),
          Double.parseDouble(value(properties, where, "crash-rate")),
          Double.parseDouble(value(properties, where, "flood-crash-rate")),
          Integer.parseInt(value(properties, where, "release-managers")),
          seconds(properties, where, "dashboard-think-seconds"),
          seconds(properties, where, "ramp-seconds"),
          seconds(properties, where, "peak-seconds"),
          seconds(properties, where, "soak-seconds"),
          Double.parseDouble(value(properties, where, "soak-share")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid traffic model " + where + ": " + e.getMessage());
    }
  }

  private static String value(Properties properties, String where, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException("The traffic model " + where + " lacks the key " + key);
    }
    return value.trim();
  }

  private static Duration seconds(Properties properties, String where, String key) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value(properties, where, key)) * 1000));
  }

  private static void share(double value, String key) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(key + " must be 0-1, was " + value);
    }
  }
}
