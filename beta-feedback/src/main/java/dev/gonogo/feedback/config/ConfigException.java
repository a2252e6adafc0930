package dev.gonogo.feedback.config;

/**
 * A configuration value is missing, unknown or malformed; the message names the key and its source.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
