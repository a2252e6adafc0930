package dev.gonogo.load.bench.config;

import dev.gonogo.load.config.ConfigException;
import dev.gonogo.load.config.LoadSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code gonogo.bench.*} settings of the ingest benchmark, layered as {@link LoadSettings}
 * layers the suite's own: the defaults resource {@value #DEFAULTS_RESOURCE}, then environment
 * variables ({@code GONOGO_BENCH_CONCURRENCY}), then system properties ({@code
 * -Dgonogo.bench.concurrency}). An unknown {@code gonogo.bench.*} key is an error, so a typo cannot
 * silently run the default load.
 *
 * <p>The benchmark's only reader of environment variables and system properties; the target and
 * candidate keys stay with {@link LoadSettings}.
 */
public final class BenchSettings {
  static final String DEFAULTS_RESOURCE = "/bench/bench-defaults.properties";
  static final String PREFIX = "gonogo.bench.";

  private final Map<String, LoadSettings.Value> values;

  private BenchSettings(Map<String, LoadSettings.Value> values) {
    this.values = values;
  }

  public static BenchSettings fromProcess() {
    return load(System.getenv(), System.getProperties());
  }

  public static BenchSettings defaults() {
    return load(Map.of(), new Properties());
  }

  /** Layers the defaults, the given environment and the given system properties. */
  public static BenchSettings load(Map<String, String> env, Properties systemProperties) {
    Properties defaults = readDefaults();
    Map<String, LoadSettings.Value> values = new LinkedHashMap<>();
    for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
      values.put(key, new LoadSettings.Value(key, defaults.getProperty(key).trim(), "defaults"));
    }
    rejectUnknown(values.keySet(), env, systemProperties);
    for (String key : values.keySet().toArray(String[]::new)) {
      String envName = LoadSettings.envName(key);
      if (env.get(envName) != null) {
        values.put(
            key, new LoadSettings.Value(key, env.get(envName).trim(), "environment " + envName));
      }
      if (systemProperties.getProperty(key) != null) {
        values.put(
            key,
            new LoadSettings.Value(
                key, systemProperties.getProperty(key).trim(), "system property -D" + key));
      }
    }
    return new BenchSettings(Map.copyOf(values));
  }

  public LoadSettings.Value get(String key) {
    LoadSettings.Value value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no such key in " + DEFAULTS_RESOURCE + ": " + key);
    }
    return value;
  }

  public String string(String key) {
    return get(key).value();
  }

  public int integer(String key, int min, int max) {
    LoadSettings.Value value = get(key);
    try {
      int parsed = Integer.parseInt(value.value());
      if (parsed < min || parsed > max) {
        throw new NumberFormatException("out of range");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw value.invalid(String.format(Locale.ROOT, "a whole number from %d to %d", min, max));
    }
  }

  /** Whitespace-separated words; empty value, empty list. */
  public List<String> words(String key) {
    String value = string(key);
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  private static void rejectUnknown(
      Set<String> known, Map<String, String> env, Properties systemProperties) {
    List<String> unknown = new ArrayList<>();
    for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
      if (name.startsWith(PREFIX) && !known.contains(name)) {
        unknown.add("system property -D" + name);
      }
    }
    Set<String> knownEnv = known.stream().map(LoadSettings::envName).collect(Collectors.toSet());
    String envPrefix = LoadSettings.envName(PREFIX);
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith(envPrefix) && !knownEnv.contains(name)) {
        unknown.add("environment variable " + name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "unknown benchmark setting(s): "
              + String.join(", ", unknown)
              + "; the known keys are listed with their defaults in load-tests/src/test/resources"
              + DEFAULTS_RESOURCE
              + ": "
              + String.join(", ", new TreeSet<>(known)));
    }
  }

  private static Properties readDefaults() {
    Properties defaults = new Properties();
    try (InputStream in = BenchSettings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
      }
      defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
    return defaults;
  }
}
