package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import dev.gonogo.feedback.stats.Interval;
import dev.gonogo.feedback.stats.Posterior;
import dev.gonogo.feedback.stats.Proportion;
import java.util.List;

/**
 * The candidate's crash rate against the baseline's plus the allowed increase. Both rates get an
 * anytime interval at half the error rate each (so both hold together at the policy's confidence):
 * FAIL when even the candidate's lowest plausible rate exceeds what the baseline's highest
 * plausible rate allows; PASS when the candidate's highest plausible rate is within what the
 * baseline's lowest allows; otherwise INSUFFICIENT_DATA. The posterior probability of a regression
 * is reported alongside.
 */
public final class CrashRateIncreaseRule implements Rule {
  @Override
  public String name() {
    return "crash-rate-vs-baseline";
  }

  @Override
  public boolean comparesWithBaseline() {
    return true;
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    GateInput.Health c = input.candidateHealth();
    GateInput.Health b = input.baselineHealth();
    Proportion candidate = new Proportion(c.crashed(), c.sessions());
    Proportion baseline = new Proportion(b.crashed(), b.sessions());
    if (candidate.isEmpty() || baseline.isEmpty()) {
      return new Finding(
          name(),
          Status.INSUFFICIENT_DATA,
          null,
          null,
          c.sessions(),
          null,
          "crash rate vs baseline " + input.baseline() + ": no sessions to compare",
          List.of());
    }
    Policy.Increase increase = policy.maxCrashRateIncrease();
    double alpha = policy.alpha() / 2;
    Interval ci = candidate.anytimeInterval(alpha);
    Interval bi = baseline.anytimeInterval(alpha);
    double p1 = candidate.value().getAsDouble();
    double p0 = baseline.value().getAsDouble();
    double allowed = increase.allowed(p0);
    Status status;
    if (ci.low() > increase.allowed(bi.high())) {
      status = Status.FAIL;
    } else if (ci.high() <= increase.allowed(bi.low())) {
      status = Status.PASS;
    } else {
      status = Status.INSUFFICIENT_DATA;
    }
    double regression = Posterior.probabilityAbove(candidate, baseline, increase::allowed);
    String reason =
        "crash rate "
            + Text.percent(p1)
            + (status == Status.FAIL ? " > " : status == Status.PASS ? " ≤ " : " vs ")
            + Text.percent(allowed)
            + " allowed (baseline "
            + input.baseline()
            + " "
            + Text.percent(p0)
            + " on "
            + Text.count(b.sessions())
            + " sessions); "
            + Text.count(c.sessions())
            + " sessions; "
            + Text.interval(ci)
            + "; probability of a regression "
            + Text.percent(regression);
    return new Finding(
        name(),
        status,
        p1,
        allowed,
        c.sessions(),
        ci,
        reason,
        List.of(
            "baseline " + input.baseline() + ": " + Text.percent(p0) + ", " + Text.interval(bi)));
  }
}
