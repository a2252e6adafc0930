package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import dev.gonogo.feedback.stats.Interval;
import dev.gonogo.feedback.stats.Proportion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * No single new signature may crash more than the policy's share of the candidate's sessions (a
 * crash ends one session, so a signature's crash events are the sessions it hit). Each of the m new
 * signatures is judged at error rate alpha / m (Bonferroni), so the rule as a whole keeps alpha.
 */
public final class NewSignatureShareRule implements Rule {
  @Override
  public String name() {
    return "new-signature-share";
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    long sessions = input.candidateHealth().sessions();
    double max = policy.maxNewSignatureShare();
    List<GateInput.SignatureCount> signatures =
        input.newSignatures().stream()
            .filter(s -> s.crashEvents() > 0)
            .sorted(Comparator.comparingLong(GateInput.SignatureCount::crashEvents).reversed())
            .toList();
    String against = input.baseline() == null ? "" : " (not in " + input.baseline() + ")";
    if (sessions == 0) {
      return new Finding(
          name(),
          Status.INSUFFICIENT_DATA,
          null,
          max,
          0,
          null,
          "new signatures: no sessions",
          List.of());
    }
    if (signatures.isEmpty()) {
      return new Finding(
          name(),
          Status.PASS,
          0.0,
          max,
          sessions,
          null,
          "no new crash signature" + against + " in " + Text.count(sessions) + " sessions",
          List.of());
    }
    double alpha = policy.alpha() / Math.max(signatures.size(), input.newSignatureCount());
    List<String> over = new ArrayList<>();
    GateInput.SignatureCount top = signatures.get(0);
    Interval topInterval = share(top, sessions).anytimeInterval(alpha);
    for (GateInput.SignatureCount s : signatures) {
      Interval i = share(s, sessions).anytimeInterval(alpha);
      if (i.low() <= max) {
        break; // sorted by count, so no later signature's interval lies higher
      }
      over.add(describe(s, sessions, i));
    }
    double observed = share(top, sessions).value().getAsDouble();
    Status status;
    String reason;
    if (!over.isEmpty()) {
      status = Status.FAIL;
      reason =
          over.size()
              + " new signature(s)"
              + against
              + " crash more than "
              + Text.percent(max)
              + " of sessions; worst: "
              + over.get(0);
    } else if (topInterval.high() <= max) {
      status = Status.PASS;
      reason =
          Math.max(signatures.size(), input.newSignatureCount())
              + " new signature(s)"
              + against
              + ", each ≤ "
              + Text.percent(max)
              + " of sessions; largest: "
              + describe(top, sessions, topInterval);
    } else {
      status = Status.INSUFFICIENT_DATA;
      reason =
          "cannot tell whether new signature "
              + describe(top, sessions, topInterval)
              + " stays ≤ "
              + Text.percent(max)
              + " of sessions";
    }
    List<String> details =
        signatures.stream()
            .limit(10)
            .map(s -> describe(s, sessions, share(s, sessions).anytimeInterval(alpha)))
            .toList();
    return new Finding(name(), status, observed, max, sessions, topInterval, reason, details);
  }

  private static Proportion share(GateInput.SignatureCount s, long sessions) {
    return new Proportion(Math.min(s.crashEvents(), sessions), sessions);
  }

  private static String describe(GateInput.SignatureCount s, long sessions, Interval i) {
    return "'"
        + s.title()
        + "' ["
        + s.fingerprint()
        + "] "
        + Text.count(s.crashEvents())
        + " crashes = "
        + Text.percent(Math.min(1.0, (double) s.crashEvents() / sessions))
        + " of "
        + Text.count(sessions)
        + " sessions, "
        + Text.interval(i);
  }
}
