package dev.gonogo.load.sim;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.policy.Slo;
import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The release policy's SLOs as Gatling assertions: the policy file is the one source of the
 * thresholds, for these assertions and for the verdict. An SLO applies to a simulation when it is
 * {@code all} or names one of the simulation's groups (an assertion on a group the run does not
 * have would fail for the wrong reason).
 *
 * <p>Bounds are inclusive: {@code p95-ms: 500} passes at 500 ms.
 */
public final class Slos {
  private Slos() {}

  public static List<Assertion> assertions(LoadPolicy policy, Set<String> groups) {
    List<Assertion> assertions = new ArrayList<>();
    for (Slo slo : policy.slosFor(groups)) {
      assertions.addAll(assertions(slo));
    }
    return assertions;
  }

  /** The assertions of one SLO, in the order p95, p99, error %, throughput. */
  public static List<Assertion> assertions(Slo slo) {
    List<Assertion> assertions = new ArrayList<>();
    slo.p95Ms().ifPresent(ms -> assertions.add(path(slo).responseTime().percentile(95.0).lte(ms)));
    slo.p99Ms().ifPresent(ms -> assertions.add(path(slo).responseTime().percentile(99.0).lte(ms)));
    slo.maxErrorPercent()
        .ifPresent(max -> assertions.add(path(slo).failedRequests().percent().lte(max)));
    slo.minRequestsPerSecond()
        .ifPresent(min -> assertions.add(path(slo).requestsPerSec().gte(min)));
    return assertions;
  }

  private static Assertion.WithPath path(Slo slo) {
    return slo.isGlobal() ? global() : details(slo.group());
  }
}
