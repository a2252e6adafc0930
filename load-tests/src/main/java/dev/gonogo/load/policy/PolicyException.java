package dev.gonogo.load.policy;

/** The release policy's {@code load} section is missing or malformed; the message says where. */
public final class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
