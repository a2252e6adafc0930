package dev.gonogo.reports.policy;

/**
 * The release policy cannot be used: missing, not YAML, or a key unknown or out of range. The
 * message names the file and the key; {@link #key()} is the dotted key ({@code integration.flaky}),
 * or empty when the problem is the file itself.
 */
public final class PolicyException extends RuntimeException {
  private final String key;

  public PolicyException(String key, String message) {
    super(message);
    this.key = key == null ? "" : key;
  }

  public PolicyException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key == null ? "" : key;
  }

  /** The dotted key at fault, e.g. {@code integration.min-tests}; empty for the whole file. */
  public String key() {
    return key;
  }
}
