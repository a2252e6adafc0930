package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.gonogo.load.config.Plans;
import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.sim.BetaClient;
import dev.gonogo.load.sim.Groups;
import dev.gonogo.load.sim.Injection;
import dev.gonogo.load.sim.Slos;
import dev.gonogo.load.sim.Suite;
import dev.gonogo.load.target.SuiteTarget;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A beta population: each virtual user is a device that opens a session (first update), uses the
 * app for the session length, and ends it, crashing at the configured rate (crash event in the
 * Sentry protocol, gzip'd, signature drawn from the crash mix, then a crashed last update).
 *
 * <p>Load: {@code gonogo.load.beta.*} (smoke) or the traffic model (realistic). SLOs: the release
 * policy's {@code all} and {@code ingest}.
 */
public class BetaTrafficSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(BetaTrafficSimulation.class);

  private static final Plans.BetaTraffic PLAN = Plans.betaTraffic(Suite.SETTINGS);
  private static final LoadPolicy POLICY = Suite.policy();

  /** Each device sends its first and its last update at least. */
  private static final int MIN_REQUESTS_PER_USER = 2;

  private static final List<OpenInjectionStep> INJECTION = Injection.of(PLAN.arrivals());

  private static final List<Assertion> ASSERTIONS = assertions();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, Map.of());
  private final BetaClient client = new BetaClient(target.project());

  private final ScenarioBuilder scenario =
      scenario("beta devices")
          .exec(client.openSession(PLAN.release(), PLAN.crashRate()))
          .exec(client.closeSession(PLAN.sessionLength()));

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "beta-traffic");

  {
    setUp(scenario.injectOpen(INJECTION))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  /** The request count first: a run that sent nothing must not pass the SLOs vacuously. */
  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(
        global().allRequests().count().gte(PLAN.arrivals().minimumUsers() * MIN_REQUESTS_PER_USER));
    assertions.addAll(Slos.assertions(POLICY, Set.of(Groups.INGEST)));
    return assertions;
  }

  @Override
  public void before() {
    LOG.info(
        "Beta traffic: {} for {} s, sessions {} ms, crash rate {}, release {}; hard stop {} s;"
            + " target: {}",
        PLAN.arrivals().phases(),
        PLAN.arrivals().duration().toSeconds(),
        PLAN.sessionLength().toMillis(),
        PLAN.crashRate(),
        PLAN.release(),
        PLAN.maxDuration().toSeconds(),
        target.describe());
  }

  @Override
  public void after() {
    target.close();
  }
}
