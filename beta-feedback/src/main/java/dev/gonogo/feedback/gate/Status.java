package dev.gonogo.feedback.gate;

/** A finding's or the gate's status, in increasing severity; the verdict is the worst finding. */
public enum Status {
  /** The data shows the rule holds. */
  PASS,
  /** Something a release manager should look at; it does not block. */
  WARN,
  /** The data can show neither: too few sessions, or an interval that straddles the threshold. */
  INSUFFICIENT_DATA,
  /** The data shows a regression. */
  FAIL;

  public Status worst(Status other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
