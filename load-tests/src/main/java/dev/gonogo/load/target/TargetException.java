package dev.gonogo.load.target;

/** The target could not be started, reached or stopped; the message says what was tried. */
public final class TargetException extends RuntimeException {
  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
