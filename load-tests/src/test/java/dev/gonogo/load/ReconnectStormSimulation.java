package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
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
import io.gatling.javaapi.core.PopulationBuilder;
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
 * outage: {@code warmup-sessions} sessions are sent before the storm, outside Gatling's statistics,
 * first by {@link Warmup} (every answer checked), then as many again by Gatling itself as silent
 * requests, so the storm is not measured through a load generator whose own HTTP client runs its
 * first requests (that alone doubled the storm's p95: docs/benchmarks.md).
 */
public class ReconnectStormSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(ReconnectStormSimulation.class);

  private static final Plans.ReconnectStorm PLAN = Plans.reconnectStorm(Suite.SETTINGS);
  private static final LoadPolicy POLICY = Suite.policy();
  private static final String RELEASE = Suite.SETTINGS.string("gonogo.load.release");

  /** First and last update of each client's cached session. */
  private static final int MIN_REQUESTS_PER_CLIENT = 2;

  /** And a crash: more would mean the unmeasured warm-up leaked into the statistics. */
  private static final int MAX_REQUESTS_PER_CLIENT = 3;

  private static final OpenInjectionStep INJECTION = atOnceUsers(PLAN.clients());

  /** How long Gatling's silent warm-up sessions are spread over. */
  private static final Duration WARMUP_SPREAD = Duration.ofSeconds(3);

  private static final List<Assertion> ASSERTIONS = assertions();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, Map.of());
  private final BetaClient client = new BetaClient(target.project());

  private final ScenarioBuilder scenario =
      scenario("reconnecting clients")
          .exec(client.openSession(RELEASE, PLAN.crashShare()))
          .exec(exec(client.closeSession(Duration.ZERO)));

  private final BetaClient unmeasured = BetaClient.unmeasured(target.project());
  private final ScenarioBuilder warmup =
      scenario("warm-up, not measured")
          .exec(unmeasured.openSession(Warmup.RELEASE, PLAN.crashShare()))
          .exec(exec(unmeasured.closeSession(Duration.ZERO)));

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "reconnect-storm");

  {
    PopulationBuilder storm = scenario.injectOpen(INJECTION);
    setUp(
            PLAN.warmupSessions() == 0
                ? storm
                : warmup
                    .injectOpen(rampUsers(PLAN.warmupSessions()).during(WARMUP_SPREAD))
                    .andThen(storm))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(
        global().allRequests().count().gte((long) PLAN.clients() * MIN_REQUESTS_PER_CLIENT));
    assertions.add(
        global().allRequests().count().lte((long) PLAN.clients() * MAX_REQUESTS_PER_CLIENT));
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
    if (PLAN.warmupSessions() > 0) {
      LOG.info(
          "then {} sessions through Gatling's own HTTP client over {} s, silent (in no"
              + " statistic), and the storm",
          PLAN.warmupSessions(),
          WARMUP_SPREAD.toSeconds());
    }
  }

  @Override
  public void after() {
    target.close();
  }
}
