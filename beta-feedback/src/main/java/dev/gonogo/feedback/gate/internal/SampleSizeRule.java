package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import java.util.ArrayList;
import java.util.List;

/** Enough sessions and users to decide at all; below the minimum nothing is judged. */
public final class SampleSizeRule implements Rule {
  @Override
  public String name() {
    return "sample-size";
  }

  /** Whether the candidate reached the policy's minimum sessions and users. */
  public static boolean enough(GateInput.Health health, Policy policy) {
    return health.sessions() >= policy.minSessions() && health.users() >= policy.minUsers();
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    GateInput.Health h = input.candidateHealth();
    List<String> short_ = new ArrayList<>();
    if (h.sessions() < policy.minSessions()) {
      short_.add(
          Text.count(h.sessions())
              + " sessions < "
              + Text.count(policy.minSessions())
              + " minimum");
    }
    if (h.users() < policy.minUsers()) {
      short_.add(
          Text.count(h.users())
              + " users < "
              + Text.count(policy.minUsers())
              + " minimum"
              + (h.users() == 0 && h.sessions() > 0 ? " (no session carried a device id)" : ""));
    }
    String subject = input.candidate();
    if (short_.isEmpty()) {
      return new Finding(
          name(),
          Status.PASS,
          (double) h.sessions(),
          (double) policy.minSessions(),
          h.sessions(),
          null,
          subject
              + ": "
              + Text.count(h.sessions())
              + " sessions and "
              + Text.count(h.users())
              + " users, enough to decide",
          List.of());
    }
    return new Finding(
        name(),
        Status.INSUFFICIENT_DATA,
        (double) h.sessions(),
        (double) policy.minSessions(),
        h.sessions(),
        null,
        subject + ": too little beta data to decide: " + String.join("; ", short_),
        List.of());
  }
}
