package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.gonogo.load.config.Plans;
import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.sim.BetaClient;
import dev.gonogo.load.sim.Groups;
import dev.gonogo.load.sim.Injection;
import dev.gonogo.load.sim.ReadPaths;
import dev.gonogo.load.sim.Slos;
import dev.gonogo.load.sim.Suite;
import dev.gonogo.load.target.SuiteTarget;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
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
 * Release managers on the dashboard: each virtual user reads every path of {@link
 * ReadPaths#DASHBOARD} once, {@code think} apart, with the admin token. SLOs: {@code all} and
 * {@code release-health-reads}.
 */
public class ReleaseManagerSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseManagerSimulation.class);

  private static final Plans.ReleaseManager PLAN = Plans.releaseManager(Suite.SETTINGS);
  private static final LoadPolicy POLICY = Suite.policy();

  private static final List<OpenInjectionStep> INJECTION = Injection.of(PLAN.arrivals());

  private static final List<Assertion> ASSERTIONS = assertions();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, Map.of());

  private final ScenarioBuilder scenario = scenario("release managers").exec(dashboard());

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "release-manager");

  {
    setUp(scenario.injectOpen(INJECTION))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  private ChainBuilder dashboard() {
    ChainBuilder chain = exec(session -> session);
    for (ReadPaths.ReadPath read : ReadPaths.DASHBOARD) {
      chain = chain.exec(BetaClient.read(target.project(), target.adminToken(), read));
      if (!PLAN.thinkTime().isZero()) {
        chain = chain.pause(PLAN.thinkTime());
      }
    }
    return chain;
  }

  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(
        global()
            .allRequests()
            .count()
            .gte(PLAN.arrivals().minimumUsers() * ReadPaths.DASHBOARD.size()));
    assertions.addAll(Slos.assertions(POLICY, Set.of(Groups.READS)));
    return assertions;
  }

  @Override
  public void before() {
    LOG.info(
        "Release managers: {}, {} reads each, {} ms apart; hard stop {} s; target: {}",
        PLAN.arrivals().phases(),
        ReadPaths.DASHBOARD.size(),
        PLAN.thinkTime().toMillis(),
        PLAN.maxDuration().toSeconds(),
        target.describe());
  }

  @Override
  public void after() {
    target.close();
  }
}
