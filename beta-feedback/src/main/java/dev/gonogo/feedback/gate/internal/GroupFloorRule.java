package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import dev.gonogo.feedback.stats.Proportion;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash-free-sessions floor of each platform or device model with at least the policy's
 * sessions (m such groups, each at alpha / m). Groups with fewer sessions, or that clients did not
 * report, are listed as not judged. FAIL if any group fails; PASS if all pass; WARN when no group
 * could be judged, so the missing check is visible.
 */
public final class GroupFloorRule implements Rule {
  private final boolean devices;

  private GroupFloorRule(boolean devices) {
    this.devices = devices;
  }

  public static GroupFloorRule platforms() {
    return new GroupFloorRule(false);
  }

  public static GroupFloorRule devices() {
    return new GroupFloorRule(true);
  }

  @Override
  public String name() {
    return devices ? "per-device" : "per-platform";
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    Policy.GroupFloor floor = devices ? policy.perDevice() : policy.perPlatform();
    String kind = devices ? "device model" : "platform";
    List<GateInput.Group> all = devices ? input.devices() : input.platforms();
    List<GateInput.Group> judged =
        all.stream()
            .filter(g -> !g.value().isEmpty() && g.sessions() >= floor.minSessions())
            .toList();
    long unreported =
        all.stream().filter(g -> g.value().isEmpty()).mapToLong(g -> g.sessions()).sum();
    long small =
        all.stream()
            .filter(g -> !g.value().isEmpty() && g.sessions() < floor.minSessions())
            .count();
    String notJudged =
        (small > 0
                ? "; "
                    + small
                    + " "
                    + kind
                    + "(s) with < "
                    + Text.count(floor.minSessions())
                    + " sessions not judged"
                : "")
            + (unreported > 0
                ? "; " + Text.count(unreported) + " sessions did not report a " + kind
                : "");
    if (judged.isEmpty()) {
      return new Finding(
          name(),
          Status.WARN,
          null,
          floor.crashFreeSessionsFloor(),
          0,
          null,
          "per-"
              + kind
              + " floor not checked: no "
              + kind
              + " has ≥ "
              + Text.count(floor.minSessions())
              + " sessions"
              + notJudged,
          List.of());
    }
    double alpha = policy.alpha() / judged.size();
    Status status = Status.PASS;
    Finding worst = null;
    List<String> details = new ArrayList<>();
    for (GateInput.Group g : judged) {
      Finding f =
          FloorRule.judge(
              name(),
              kind + " " + g.value() + ": crash-free sessions",
              new Proportion(g.crashed(), g.sessions()),
              floor.crashFreeSessionsFloor(),
              alpha,
              "sessions",
              List.of());
      details.add(f.status() + " " + f.reason());
      if (worst == null
          || f.status().ordinal() > worst.status().ordinal()
          || f.status() == worst.status() && f.observed() < worst.observed()) {
        worst = f;
      }
      status = status.worst(f.status());
    }
    String reason =
        (status == Status.PASS
                ? "every "
                    + kind
                    + " with ≥ "
                    + Text.count(floor.minSessions())
                    + " sessions meets its floor ("
                    + judged.size()
                    + " judged); lowest: "
                : "")
            + worst.reason()
            + notJudged;
    return new Finding(
        name(),
        status,
        worst.observed(),
        floor.crashFreeSessionsFloor(),
        worst.sampleSize(),
        worst.interval(),
        reason,
        details);
  }
}
