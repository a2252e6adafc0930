package dev.gonogo.feedback.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Raw configuration values with the layer each came from: defaults resource, then an optional
 * properties file, then environment variables, then system properties. Only keys present in the
 * defaults resource exist; an unknown key in a file is an error, so typos do not pass silently.
 *
 * <p>This is the only class that reads environment variables or system properties.
 */
public final class Settings {
  static final String DEFAULTS_RESOURCE = "beta-feedback-defaults.properties";
  public static final String CONFIG_FILE_KEY = "gonogo.config.file";

  /** A value and where it came from, for error messages. */
  public record Value(String key, String value, String source) {}

  private final Map<String, Value> values;

  private Settings(Map<String, Value> values) {
    this.values = values;
  }

  /** Reads the real process environment and system properties. */
  public static Settings fromProcess(Optional<Path> configFile) {
    return load(configFile, System.getenv(), System.getProperties());
  }

  /**
   * Layers the defaults, the file (explicit, or named by {@code gonogo.config.file} in env or
   * properties), the given environment and the given system properties.
   */
  public static Settings load(
      Optional<Path> configFile, Map<String, String> env, Properties systemProperties) {
    Map<String, Value> values = new LinkedHashMap<>();
    Properties defaults = readDefaults();
    for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
      values.put(key, new Value(key, defaults.getProperty(key).trim(), "defaults"));
    }

    Optional<Path> file =
        configFile
            .or(
                () ->
                    Optional.ofNullable(systemProperties.getProperty(CONFIG_FILE_KEY))
                        .map(Path::of))
            .or(() -> Optional.ofNullable(env.get(envName(CONFIG_FILE_KEY))).map(Path::of));
    file.ifPresent(path -> applyFile(values, path));

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
    return new Settings(Map.copyOf(values));
  }

  /** {@code gonogo.server.ready-file} becomes {@code GONOGO_SERVER_READY_FILE}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Value get(String key) {
    Value value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no such configuration key in defaults: " + key);
    }
    return value;
  }

  public String string(String key) {
    return get(key).value();
  }

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
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "%s=%s (from %s): expected a whole number from %d to %d",
              key,
              value.value(),
              value.source(),
              min,
              max));
    }
  }

  /** {@code true} or {@code false}, nothing else (a typo must not read as false). */
  public boolean bool(String key) {
    Value value = get(key);
    return switch (value.value()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ConfigException(
              String.format(
                  Locale.ROOT,
                  "%s=%s (from %s): expected true or false",
                  key,
                  value.value(),
                  value.source()));
    };
  }

  private static Properties readDefaults() {
    Properties defaults = new Properties();
    try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULTS_RESOURCE);
      }
      defaults.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
    return defaults;
  }

  private static void applyFile(Map<String, Value> values, Path path) {
    Properties fromFile = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      fromFile.load(reader);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read configuration file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    for (String key : new TreeSet<>(fromFile.stringPropertyNames())) {
      if (!values.containsKey(key)) {
        throw new ConfigException(
            "unknown key '"
                + key
                + "' in configuration file "
                + path.toAbsolutePath()
                + "; the known keys are listed with their defaults in "
                + DEFAULTS_RESOURCE);
      }
      values.put(key, new Value(key, fromFile.getProperty(key).trim(), "file " + path));
    }
  }
}
