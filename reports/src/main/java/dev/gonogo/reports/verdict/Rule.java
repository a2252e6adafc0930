package dev.gonogo.reports.verdict;

import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import java.util.List;

/**
 * One step of the verdict's pipeline ({@link Aggregator#RULES}): reads the evidence, answers
 * findings. A rule that throws is recorded as an INCONCLUSIVE finding under its name; the others
 * still run.
 */
public interface Rule {
  /** Stable dotted name, the prefix of its findings' rules: {@code load.baseline}. */
  String name();

  /** Where its findings belong. */
  Section section();

  List<Finding> evaluate(Evidence evidence, ReleasePolicy policy);
}
