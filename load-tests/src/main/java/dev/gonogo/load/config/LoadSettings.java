package dev.gonogo.load.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Raw configuration values of the load suite with the layer each came from: the defaults resource,
 * then environment variables, then system properties. Only keys listed in the defaults resource
 * exist; an unknown key under one of the suite's prefixes is an error, so a typo such as {@code
 * -Dgonogo.load.smoke.user-per-second=50} fails instead of silently running the default load.
 *
 * <p>This is the only class of the suite that reads environment variables or system properties.
 * Load profiles (smoke, realistic, capacity) will add a file layer between defaults and
 * environment.
 */
public final class LoadSettings {
  static final String DEFAULTS_RESOURCE = "load-defaults.properties";

  /**
   * A family of settings read the same way: its defaults resource (relative to this class, or
   * absolute), the key prefixes it owns (an unknown key under them is an error; others are
   * ignored), and the words its messages use.
   *
   * @param name what an unknown-key message calls the settings, e.g. "load-suite"
   * @param defaultsWhere where a reader finds the defaults, named in messages
   */
  public record Family(
      String resource, List<String> ownedPrefixes, String name, String defaultsWhere) {
    public Family {
      ownedPrefixes = List.copyOf(ownedPrefixes);
    }

    boolean owns(String key) {
      return ownedPrefixes.stream().anyMatch(key::startsWith);
    }
  }

  /** The load suite's own keys; others (the candidate's) are ignored. */
  static final Family LOAD_SUITE =
      new Family(
          DEFAULTS_RESOURCE,
          List.of("gonogo.target", "gonogo.candidate.", "gonogo.load."),
          "load-suite",
          DEFAULTS_RESOURCE);

  /** A value and where it came from, for error messages. */
  public record Value(String key, String value, String source) {

    /** A configuration error naming the key, its value, its source and what was expected. */
    public ConfigException invalid(String expected) {
      return new ConfigException(
          String.format(Locale.ROOT, "%s=%s (from %s): expected %s", key, value, source, expected));
    }
  }

  private final Map<String, Value> values;
  private final Family family;

  private LoadSettings(Map<String, Value> values, Family family) {
    this.values = values;
    this.family = family;
  }

  /** Reads the real process environment and system properties. */
  public static LoadSettings fromProcess() {
    return load(System.getenv(), System.getProperties());
  }

  /** The defaults alone: what a run with no overrides uses. */
  public static LoadSettings defaults() {
    return load(Map.of(), new Properties());
  }

  /** Layers the defaults, the given environment and the given system properties. */
  public static LoadSettings load(Map<String, String> env, Properties systemProperties) {
    return load(LOAD_SUITE, env, systemProperties);
  }

  /** The same layering for another family of settings, e.g. the benchmark's. */
  public static LoadSettings load(
      Family family, Map<String, String> env, Properties systemProperties) {
    Map<String, Value> values = new LinkedHashMap<>();
    Properties defaults = readDefaults(family.resource());
    for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
      values.put(key, new Value(key, defaults.getProperty(key).trim(), "defaults"));
    }
    rejectUnknown(family, values.keySet(), env, systemProperties);
    for (String key : values.keySet().toArray(String[]::new)) {
      String envName = envName(key);
      String fromEnv = env.get(envName);
      if (fromEnv != null) {
        values.put(key, new Value(key, fromEnv.trim(), "environment " + envName));
      }
      String fromProperty = systemProperties.getProperty(key);
      if (fromProperty != null) {
        values.put(key, new Value(key, fromProperty.trim(), "system property -D" + key));
      }
    }
    return new LoadSettings(Map.copyOf(values), family);
  }

  /**
   * {@code gonogo.load.smoke.users-per-second} becomes {@code GONOGO_LOAD_SMOKE_USERS_PER_SECOND}.
   */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Value get(String key) {
    Value value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no such key in " + family.defaultsWhere() + ": " + key);
    }
    return value;
  }

  public String string(String key) {
    return get(key).value();
  }

  /** Empty string means absent. */
  public Optional<String> optional(String key) {
    String value = string(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public int integer(String key, int min, int max) {
    Value value = get(key);
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

  /** A key ending in {@code -seconds}, read as a whole number of seconds in the given range. */
  public Duration seconds(String key, int min, int max) {
    return Duration.ofSeconds(integer(key, min, max));
  }

  /** A key ending in {@code -ms}, read as a whole number of milliseconds in the given range. */
  public Duration millis(String key, int min, int max) {
    return Duration.ofMillis(integer(key, min, max));
  }

  /** Whitespace-separated words; empty value, empty list. */
  public List<String> words(String key) {
    String value = string(key);
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  private static void rejectUnknown(
      Family family, Set<String> known, Map<String, String> env, Properties systemProperties) {
    List<String> unknown = new ArrayList<>();
    for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
      if (family.owns(name) && !known.contains(name)) {
        unknown.add("system property -D" + name);
      }
    }
    Set<String> knownEnv = known.stream().map(LoadSettings::envName).collect(Collectors.toSet());
    for (String name : new TreeSet<>(env.keySet())) {
      if (family.owns(name.toLowerCase(Locale.ROOT).replace('_', '.'))
          && !knownEnv.contains(name)) {
        unknown.add("environment variable " + name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "unknown "
              + family.name()
              + " setting(s): "
              + String.join(", ", unknown)
              + "; the known keys are listed with their defaults in "
              + family.defaultsWhere()
              + ": "
              + String.join(", ", new TreeSet<>(known)));
    }
  }

  private static Properties readDefaults(String resource) {
    Properties defaults = new Properties();
    try (InputStream in = LoadSettings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
    return defaults;
  }
}
