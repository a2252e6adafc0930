package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import java.util.List;

/** Signatures marked resolved that crash again in the candidate: WARN or FAIL, per the policy. */
public final class RegressedSignaturesRule implements Rule {
  @Override
  public String name() {
    return "regressed-signatures";
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    List<GateInput.SignatureCount> regressed = input.regressed();
    long sessions = input.candidateHealth().sessions();
    if (regressed.isEmpty()) {
      return new Finding(
          name(),
          Status.PASS,
          0.0,
          0.0,
          sessions,
          null,
          "no resolved signature crashed again in " + input.candidate(),
          List.of());
    }
    List<String> details =
        regressed.stream()
            .limit(10)
            .map(
                s ->
                    "'"
                        + s.title()
                        + "' ["
                        + s.fingerprint()
                        + "] "
                        + Text.count(s.crashEvents())
                        + " crashes")
            .toList();
    return new Finding(
        name(),
        policy.regressedSignatures(),
        (double) regressed.size(),
        0.0,
        sessions,
        null,
        regressed.size()
            + " resolved signature(s) crash again in "
            + input.candidate()
            + "; first: "
            + details.get(0),
        details);
  }
}
