package dev.gonogo.feedback.sentry;

import java.util.Objects;

/**
 * A request, envelope or payload this service refuses, with a stable {@link RejectReason} and a
 * detail that names where the problem is, e.g. {@code item 2 (type session): field 'sid' is not a
 * UUID: "abc"}. The message is the detail; values quoted in it are truncated.
 */
public final class RejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectReason reason;

  public RejectedException(RejectReason reason, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectReason reason() {
    return reason;
  }

  /** Where and what, without the code: the message. */
  public String detail() {
    return getMessage();
  }
}
