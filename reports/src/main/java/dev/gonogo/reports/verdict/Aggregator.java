package dev.gonogo.reports.verdict;

import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.verdict.internal.BetaGateRule;
import dev.gonogo.reports.verdict.internal.InputsRule;
import dev.gonogo.reports.verdict.internal.IntegrationRule;
import dev.gonogo.reports.verdict.internal.LoadBaselineRule;
import dev.gonogo.reports.verdict.internal.LoadSloRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the evidence into one {@link Verdict} (read → aggregate → write): runs {@link #RULES} in
 * their order, collects every finding and takes the worst. A rule that throws becomes an
 * INCONCLUSIVE finding named after it, with the exception; the pipeline goes on.
 */
public final class Aggregator {
  /** The pipeline, in order: inputs, integration, load SLOs, load baseline, beta. */
  public static final List<Rule> RULES =
      List.of(
          new InputsRule(),
          new IntegrationRule(),
          new LoadSloRule(),
          new LoadBaselineRule(),
          new BetaGateRule());

  private Aggregator() {}

  public static Verdict aggregate(Evidence evidence, ReleasePolicy policy, Clock clock) {
    return aggregate(evidence, policy, clock, RULES);
  }

  /** As {@link #aggregate(Evidence, ReleasePolicy, Clock)} with another pipeline. */
  public static Verdict aggregate(
      Evidence evidence, ReleasePolicy policy, Clock clock, List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      try {
        findings.addAll(rule.evaluate(evidence, policy));
      } catch (RuntimeException e) {
        findings.add(
            Finding.notGo(
                rule.section(),
                rule.name(),
                "",
                Status.INCONCLUSIVE,
                Category.INFRASTRUCTURE,
                null,
                null,
                "",
                null,
                null,
                "rule "
                    + rule.name()
                    + " could not be evaluated ("
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()
                    + "); its part of the verdict is undecided"));
      }
    }
    return Verdict.of(evidence.release(), findings, clock.instant());
  }
}
