package dev.gonogo.feedback.gate;

import dev.gonogo.feedback.gate.internal.CrashRateIncreaseRule;
import dev.gonogo.feedback.gate.internal.FloorRule;
import dev.gonogo.feedback.gate.internal.GroupFloorRule;
import dev.gonogo.feedback.gate.internal.NewSignatureShareRule;
import dev.gonogo.feedback.gate.internal.RegressedSignaturesRule;
import dev.gonogo.feedback.gate.internal.Rule;
import dev.gonogo.feedback.gate.internal.SampleSizeRule;
import dev.gonogo.feedback.gate.internal.SpikingSignaturesRule;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash gate: runs the rules in their declared order and answers the worst finding. Below the
 * policy's minimum sample every rule's answer becomes INSUFFICIENT_DATA (it is still shown, with
 * its figures); so does every comparison when the baseline is missing or below the minimum. A rule
 * that throws is recorded as INSUFFICIENT_DATA with its error, and the pipeline goes on.
 */
public final class Gate {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

  private static final List<Rule> RULES =
      List.of(
          new SampleSizeRule(),
          FloorRule.sessions(),
          FloorRule.users(),
          new CrashRateIncreaseRule(),
          new NewSignatureShareRule(),
          new SpikingSignaturesRule(),
          new RegressedSignaturesRule(),
          GroupFloorRule.platforms(),
          GroupFloorRule.devices());

  private Gate() {}

  /** The rules' names, in order. */
  public static List<String> ruleNames() {
    return RULES.stream().map(Rule::name).toList();
  }

  public static GateResult evaluate(GateInput input, Policy policy) {
    boolean enough = SampleSizeRule.enough(input.candidateHealth(), policy);
    boolean baselineEnough =
        input.baselineHealth() != null && input.baselineHealth().sessions() >= policy.minSessions();
    List<Finding> findings = new ArrayList<>(RULES.size());
    Status verdict = Status.PASS;
    for (Rule rule : RULES) {
      Finding finding;
      if (rule.comparesWithBaseline() && input.baselineHealth() == null) {
        finding =
            new Finding(
                rule.name(),
                Status.INSUFFICIENT_DATA,
                null,
                null,
                input.candidateHealth().sessions(),
                null,
                "no baseline release to compare " + input.candidate() + " with",
                List.of());
      } else {
        finding = run(rule, input, policy);
        if (rule instanceof SampleSizeRule || finding.status() == Status.INSUFFICIENT_DATA) {
          // as it is
        } else if (!enough) {
          finding =
              finding.withStatus(
                  Status.INSUFFICIENT_DATA, " (not judged: below the minimum sample)");
        } else if (rule.comparesWithBaseline() && !baselineEnough) {
          finding =
              finding.withStatus(
                  Status.INSUFFICIENT_DATA,
                  " (not judged: baseline "
                      + input.baseline()
                      + " has fewer than "
                      + policy.minSessions()
                      + " sessions)");
        }
      }
      findings.add(finding);
      verdict = verdict.worst(finding.status());
    }
    return new GateResult(verdict, input.candidate(), input.baseline(), policy, findings);
  }

  private static Finding run(Rule rule, GateInput input, Policy policy) {
    try {
      return rule.evaluate(input, policy);
    } catch (RuntimeException e) {
      LOG.error("gate rule {} failed on {}", rule.name(), input.candidate(), e);
      return new Finding(
          rule.name(),
          Status.INSUFFICIENT_DATA,
          null,
          null,
          input.candidateHealth().sessions(),
          null,
          "rule " + rule.name() + " could not be evaluated: " + e,
          List.of());
    }
  }
}
