package dev.gonogo.feedback.web;

/**
 * An HTTP error answered as {@code {"code": ..., "message": ..., "field": ...}}. The code is stable
 * (clients and dashboards key on it); the message is for people and names the field.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;

  public ApiException(int status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
