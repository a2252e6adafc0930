package dev.gonogo.reports.verdict.internal;

import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Rule;
import dev.gonogo.reports.verdict.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether each input was there: a missing, empty or unreadable input is INCONCLUSIVE, a section
 * neither given nor skipped is INCONCLUSIVE, a skipped section is a GO finding that says it was not
 * evaluated. A missing baseline is fine: the candidate is judged on its SLOs.
 */
public final class InputsRule implements Rule {
  @Override
  public String name() {
    return "inputs";
  }

  @Override
  public Section section() {
    return Section.INPUTS;
  }

  @Override
  public List<Finding> evaluate(Evidence e, ReleasePolicy policy) {
    List<Finding> findings = new ArrayList<>();
    // integration
    if (e.skipped().contains(Section.INTEGRATION)) {
      findings.add(skipped(Section.INTEGRATION));
    } else if (!e.integration().isPresent()) {
      findings.add(
          missing(
              "inputs.integration",
              e.integration(),
              "no integration results were given",
              "integration"));
    } else {
      IntegrationResults r = e.integration().value();
      findings.add(
          Finding.go(
              Section.INPUTS,
              "inputs.integration",
              e.integration().source(),
              (double) r.tests().size(),
              null,
              "tests",
              (long) r.tests().size(),
              null,
              "read "
                  + r.tests().size()
                  + " integration tests ("
                  + r.format().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + ") from "
                  + e.integration().source()));
    }
    // load
    if (e.skipped().contains(Section.LOAD)) {
      findings.add(skipped(Section.LOAD));
    } else {
      if (e.loadCandidate().isEmpty()) {
        findings.add(
            Finding.missingInput(
                "inputs.load-candidate",
                "",
                Findings.categoryOf(Input.Problem.NOT_GIVEN),
                "no load summaries of the candidate were given (--load-candidate); pass --skip load"
                    + " to leave load out on purpose"));
      }
      for (Input<LoadSummary> in : e.loadCandidate()) {
        findings.add(loadInput("inputs.load-candidate", in));
      }
      if (e.loadBaseline().isEmpty()) {
        findings.add(
            Finding.go(
                Section.INPUTS,
                "inputs.load-baseline",
                "",
                null,
                null,
                "",
                null,
                null,
                "no baseline: candidate judged on SLOs only (--load-baseline compares it with a"
                    + " baseline run)"));
      }
      for (Input<LoadSummary> in : e.loadBaseline()) {
        findings.add(loadInput("inputs.load-baseline", in));
      }
    }
    // beta
    if (e.skipped().contains(Section.BETA)) {
      findings.add(skipped(Section.BETA));
    } else if (!e.beta().isPresent()) {
      findings.add(missing("inputs.beta", e.beta(), "no beta-feedback URL was given", "beta"));
    } else {
      findings.add(
          Finding.go(
              Section.INPUTS,
              "inputs.beta",
              e.beta().source(),
              null,
              null,
              "",
              null,
              null,
              "read the crash gate and release health of "
                  + e.release().candidate()
                  + " from "
                  + e.beta().source()));
    }
    return findings;
  }

  private static Finding skipped(Section section) {
    String name = section.name().toLowerCase(Locale.ROOT);
    return Finding.go(
        Section.INPUTS,
        "inputs.skipped." + name,
        name,
        null,
        null,
        "",
        null,
        null,
        name + " was not evaluated: excluded on request (--skip " + name + ")");
  }

  private static Finding missing(String rule, Input<?> input, String what, String section) {
    if (input.problem() == Input.Problem.NOT_GIVEN) {
      String option = input.name();
      return Finding.missingInput(
          rule,
          "",
          Findings.categoryOf(Input.Problem.NOT_GIVEN),
          what + " (" + option + "); pass --skip " + section + " to leave it out on purpose");
    }
    return Finding.missingInput(
        rule, input.source(), Findings.categoryOf(input.problem()), input.message());
  }

  private static Finding loadInput(String rule, Input<LoadSummary> in) {
    if (!in.isPresent()) {
      return Finding.missingInput(
          rule, in.source(), Findings.categoryOf(in.problem()), in.message());
    }
    LoadSummary s = in.value();
    return Finding.go(
        Section.INPUTS,
        rule,
        in.source(),
        (double) s.global().count(),
        null,
        "requests",
        s.global().count(),
        null,
        "read "
            + s.simulationName()
            + " ("
            + s.label()
            + ", "
            + s.global().count()
            + " requests, "
            + s.status()
            + ") from "
            + in.source());
  }
}
