package dev.gonogo.load.config;

/** A load-suite setting is unknown or malformed; the message names the key and its source. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
