package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import dev.gonogo.feedback.stats.Interval;
import dev.gonogo.feedback.stats.Proportion;
import java.util.List;

/**
 * A floor for crash-free sessions or users: FAIL when the anytime interval lies wholly below the
 * floor, PASS when wholly at or above it, INSUFFICIENT_DATA when it straddles.
 */
public final class FloorRule implements Rule {
  private final boolean users;

  private FloorRule(boolean users) {
    this.users = users;
  }

  public static FloorRule sessions() {
    return new FloorRule(false);
  }

  public static FloorRule users() {
    return new FloorRule(true);
  }

  @Override
  public String name() {
    return users ? "crash-free-users" : "crash-free-sessions";
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    GateInput.Health h = input.candidateHealth();
    Proportion crashed =
        users
            ? new Proportion(h.crashedUsers(), h.users())
            : new Proportion(h.crashed(), h.sessions());
    double floor = users ? policy.crashFreeUsersFloor() : policy.crashFreeSessionsFloor();
    return judge(
        name(),
        (users ? "crash-free users" : "crash-free sessions"),
        crashed,
        floor,
        policy.alpha(),
        users ? "users" : "sessions",
        List.of());
  }

  /** Judges one crash-free rate against a floor at error rate {@code alpha}. */
  static Finding judge(
      String rule,
      String what,
      Proportion crashed,
      double floor,
      double alpha,
      String unit,
      List<String> details) {
    if (crashed.isEmpty()) {
      return new Finding(
          rule,
          Status.INSUFFICIENT_DATA,
          null,
          floor,
          0,
          null,
          what + ": no " + unit + " (no data is not 100 % crash-free)",
          details);
    }
    Proportion free = crashed.complement();
    double observed = free.value().getAsDouble();
    Interval interval = crashed.anytimeInterval(alpha).complement();
    Status status;
    String relation;
    if (interval.high() < floor) {
      status = Status.FAIL;
      relation = " < ";
    } else if (interval.low() >= floor) {
      status = Status.PASS;
      relation = " ≥ ";
    } else {
      status = Status.INSUFFICIENT_DATA;
      relation = observed < floor ? " < " : " ≥ ";
    }
    String reason =
        what
            + " "
            + Text.percent(observed)
            + relation
            + Text.percent(floor)
            + " floor; "
            + Text.count(crashed.trials())
            + " "
            + unit
            + "; "
            + Text.interval(interval)
            + (status == Status.INSUFFICIENT_DATA ? " straddles the floor" : "");
    return new Finding(rule, status, observed, floor, crashed.trials(), interval, reason, details);
  }
}
