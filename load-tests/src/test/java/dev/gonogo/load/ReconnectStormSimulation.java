package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.gonogo.load.config.Plans;
import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.sim.BetaClient;
import dev.gonogo.load.sim.Groups;
import dev.gonogo.load.sim.Slos;
import dev.gonogo.load.sim.Suite;
import dev.gonogo.load.sim.Warmup;
import dev.gonogo.load.target.SuiteTarget;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every client reconnecting at once after a network outage: all clients start in the same instant,
 * each on its own new connection (Gatling's default: one connection pool per virtual user), and
 * flush what their SDK cached offline: the session's first update, for {@code crash-share} of them
 * a crash and the crashed last update, else the exited one. The server was serving before the
 * outage: {@code warmup-sessions} sessions are sent before the storm, outside Gatling's statistics
 * ({@link Warmup}).
 */
public class ReconnectStormSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(ReconnectStormSimulation.class);

  private static final Plans.ReconnectStorm PLAN = Plans.reconnectStorm(Suite.SETTINGS);
  private static final LoadPolicy POLICY = Suite.policy();
  private static final String RELEASE = Suite.SETTINGS.string("gonogo.load.release");

  /** First and last update of each client's cached session. */
  private static final int MIN_REQUESTS_PER_CLIENT = 2;

  private static final OpenInjectionStep INJECTION = atOnceUsers(PLAN.clients());

  private static final List<Assertion> ASSERTIONS = assertions();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, Map.of());
  private final BetaClient client = new BetaClient(target.project());

  private final ScenarioBuilder scenario =
      scenario("reconnecting clients")
          .exec(client.openSession(RELEASE, PLAN.crashShare()))
          .exec(exec(client.closeSession(Duration.ZERO)));

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "reconnect-storm");

  {
    setUp(scenario.injectOpen(INJECTION))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(
        global().allRequests().count().gte((long) PLAN.clients() * MIN_REQUESTS_PER_CLIENT));
    assertions.addAll(Slos.assertions(POLICY, Set.of(Groups.INGEST)));
    return assertions;
  }

  @Override
  public void before() {
    LOG.info(
        "Reconnect storm: {} clients at once, {} with a cached crash; hard stop {} s; target: {}",
        PLAN.clients(),
        PLAN.crashShare(),
        PLAN.maxDuration().toSeconds(),
        target.describe());
    LOG.info(Warmup.run(target, PLAN.warmupSessions()));
  }

  @Override
  public void after() {
    target.close();
  }
}
