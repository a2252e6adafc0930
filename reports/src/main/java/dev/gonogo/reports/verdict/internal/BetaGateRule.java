package dev.gonogo.reports.verdict.internal;

import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Interval;
import dev.gonogo.reports.verdict.Rule;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * beta-feedback's crash gate, one finding per gate rule: FAIL is NO-GO (a comparison with the
 * baseline is a product regression, a floor an SLO breach), INSUFFICIENT_DATA is INCONCLUSIVE, WARN
 * is GO with "warning:", PASS is GO. A gate without findings is INCONCLUSIVE.
 */
public final class BetaGateRule implements Rule {
  private static final Set<String> REGRESSIONS =
      Set.of(
          "crash-rate-vs-baseline",
          "new-signature-share",
          "spiking-signatures",
          "regressed-signatures");

  @Override
  public String name() {
    return "beta";
  }

  @Override
  public Section section() {
    return Section.BETA;
  }

  @Override
  public List<Finding> evaluate(Evidence e, ReleasePolicy policy) {
    if (!e.beta().isPresent()) {
      return List.of();
    }
    BetaHealth beta = e.beta().value();
    BetaHealth.Gate gate = beta.gate();
    String subject =
        e.release().candidate() + (gate.baseline() == null ? "" : " vs " + gate.baseline());
    if (gate.findings().isEmpty()) {
      return List.of(
          Finding.notGo(
              Section.BETA,
              "beta.gate",
              subject,
              Status.INCONCLUSIVE,
              Category.INSUFFICIENT_DATA,
              null,
              null,
              "",
              null,
              null,
              "the crash gate answered "
                  + gate.status()
                  + " without any finding: nothing to decide on"));
    }
    List<Finding> findings = new ArrayList<>();
    for (BetaHealth.GateFinding g : gate.findings()) {
      String rule = "beta." + g.rule();
      // At the level the gate built it: rules that split their error rate build theirs above the
      // policy's confidence. A gate that does not say is given no interval rather than a guess.
      Double confidence = g.intervalConfidence();
      Interval interval =
          g.intervalLow() != null
                  && g.intervalHigh() != null
                  && g.intervalLow() <= g.intervalHigh()
                  && confidence != null
                  && confidence > 0
                  && confidence < 1
              ? new Interval(g.intervalLow(), g.intervalHigh(), confidence, "beta-feedback gate")
              : null;
      Long sample = g.sampleSize();
      String unit = unit(g.rule());
      Finding f =
          switch (g.status()) {
            case "PASS" ->
                Finding.go(
                    Section.BETA,
                    rule,
                    subject,
                    g.observed(),
                    g.threshold(),
                    unit,
                    sample,
                    interval,
                    g.reason());
            case "WARN" ->
                Finding.go(
                    Section.BETA,
                    rule,
                    subject,
                    g.observed(),
                    g.threshold(),
                    unit,
                    sample,
                    interval,
                    "warning: " + g.reason());
            case "FAIL" ->
                Finding.notGo(
                    Section.BETA,
                    rule,
                    subject,
                    Status.NO_GO,
                    REGRESSIONS.contains(g.rule())
                        ? Category.PRODUCT_REGRESSION
                        : Category.SLO_BREACH,
                    g.observed(),
                    g.threshold(),
                    unit,
                    sample,
                    interval,
                    g.reason());
            case "INSUFFICIENT_DATA" ->
                Finding.notGo(
                    Section.BETA,
                    rule,
                    subject,
                    Status.INCONCLUSIVE,
                    Category.INSUFFICIENT_DATA,
                    g.observed(),
                    g.threshold(),
                    unit,
                    sample,
                    interval,
                    g.reason());
            default ->
                Finding.notGo(
                    Section.BETA,
                    rule,
                    subject,
                    Status.INCONCLUSIVE,
                    Category.INFRASTRUCTURE,
                    g.observed(),
                    g.threshold(),
                    unit,
                    sample,
                    interval,
                    "the gate answered an unknown status '" + g.status() + "': " + g.reason());
          };
      findings.add(f.withDetails(g.details()));
    }
    return findings;
  }

  private static String unit(String rule) {
    return switch (rule) {
      case "sample-size" -> "sessions";
      case "spiking-signatures", "regressed-signatures" -> "signatures";
      default -> "ratio";
    };
  }
}
