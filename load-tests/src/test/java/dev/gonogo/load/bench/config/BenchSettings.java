package dev.gonogo.load.bench.config;

import dev.gonogo.load.config.LoadSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code gonogo.bench.*} settings of the ingest benchmark, read by {@link LoadSettings}'s own
 * layering: the defaults resource {@value #DEFAULTS_RESOURCE}, then environment variables ({@code
 * GONOGO_BENCH_CONCURRENCY}), then system properties ({@code -Dgonogo.bench.concurrency}). An
 * unknown {@code gonogo.bench.*} key is an error, so a typo cannot silently run the default load.
 *
 * <p>The benchmark's only reader of environment variables and system properties; the target and
 * candidate keys stay with the suite's {@link LoadSettings}.
 */
public final class BenchSettings {
  static final String DEFAULTS_RESOURCE = "/bench/bench-defaults.properties";
  static final String PREFIX = "gonogo.bench.";

  private static final LoadSettings.Family BENCHMARK =
      new LoadSettings.Family(
          DEFAULTS_RESOURCE,
          List.of(PREFIX),
          "benchmark",
          "load-tests/src/test/resources" + DEFAULTS_RESOURCE);

  private final LoadSettings settings;

  private BenchSettings(LoadSettings settings) {
    this.settings = settings;
  }

  public static BenchSettings fromProcess() {
    return load(System.getenv(), System.getProperties());
  }

  public static BenchSettings defaults() {
    return load(Map.of(), new Properties());
  }

  /** Layers the defaults, the given environment and the given system properties. */
  public static BenchSettings load(Map<String, String> env, Properties systemProperties) {
    return new BenchSettings(LoadSettings.load(BENCHMARK, env, systemProperties));
  }

  public LoadSettings.Value get(String key) {
    return settings.get(key);
  }

  public String string(String key) {
    return settings.string(key);
  }

  public int integer(String key, int min, int max) {
    return settings.integer(key, min, max);
  }

  /** Whitespace-separated words; empty value, empty list. */
  public List<String> words(String key) {
    return settings.words(key);
  }
}
