package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;

/** One rule of the gate; rules are small and run in a declared order. */
public interface Rule {
  /** The name findings carry, e.g. {@code crash-free-sessions}. */
  String name();

  /** Whether the rule compares with the baseline (and so needs one with enough sessions). */
  default boolean comparesWithBaseline() {
    return false;
  }

  Finding evaluate(GateInput input, Policy policy);
}
