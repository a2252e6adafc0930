package dev.gonogo.feedback.store;

/** The store cannot be reached, migrated or written. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
