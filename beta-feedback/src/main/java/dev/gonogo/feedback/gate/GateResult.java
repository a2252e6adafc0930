package dev.gonogo.feedback.gate;

import java.util.List;

/** The gate's verdict (the worst finding) and every finding, in the rules' order. */
public record GateResult(
    Status status, String candidate, String baseline, Policy policy, List<Finding> findings) {
  public GateResult {
    findings = List.copyOf(findings);
  }
}
