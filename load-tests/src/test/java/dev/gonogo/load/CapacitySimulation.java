package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.gonogo.load.config.Plans;
import dev.gonogo.load.sim.BetaClient;
import dev.gonogo.load.sim.Suite;
import dev.gonogo.load.summary.Capacity;
import dev.gonogo.load.target.SuiteTarget;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capacity profile: beta traffic at stepped arrival rates ({@code gonogo.load.capacity.*}).
 * Each device's requests go into the group of the step it arrived in ({@link Capacity#stepGroup});
 * the load summary judges every step against the release policy's SLOs and reports the highest step
 * that still met them. The run's own assertion only checks that every step sent requests: exceeding
 * the SLOs is what a capacity run is for, not a failure.
 */
public class CapacitySimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(CapacitySimulation.class);

  private static final Plans.Capacity PLAN = Plans.capacity(Suite.SETTINGS);

  private static final OpenInjectionStep.Stairs.Composite INJECTION =
      incrementUsersPerSec(PLAN.increment())
          .times(PLAN.steps())
          .eachLevelLasting(PLAN.stepDuration())
          .startingFrom(PLAN.startRate());

  private static final List<Assertion> ASSERTIONS =
      List.of(global().allRequests().count().gte((long) (PLAN.startRate() * PLAN.steps())));

  /** When the first device arrived: the steps are counted from it. */
  private static final AtomicLong FIRST_ARRIVAL = new AtomicLong();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, Map.of());
  private final BetaClient client = new BetaClient(target.project());

  private final ScenarioBuilder scenario =
      scenario("beta devices, stepped")
          .exec(session -> session.set("step", stepOf(System.currentTimeMillis())))
          .exec(
              group("#{step}")
                  .on(
                      exec(client.openSession(PLAN.release(), PLAN.crashRate()))
                          .exec(client.closeSession(PLAN.sessionLength()))));

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "capacity");

  {
    setUp(scenario.injectOpen(INJECTION))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  private static String stepOf(long now) {
    FIRST_ARRIVAL.compareAndSet(0, now);
    long elapsed = now - FIRST_ARRIVAL.get();
    int index = (int) Math.min(PLAN.steps() - 1, elapsed / PLAN.stepDuration().toMillis());
    return Capacity.stepGroup(index, PLAN.rate(index), PLAN.stepDuration().toSeconds());
  }

  @Override
  public void before() {
    LOG.info(
        "Capacity: {} steps of {} s from {} users/s, +{} per step; hard stop {} s; target: {}",
        PLAN.steps(),
        PLAN.stepDuration().toSeconds(),
        PLAN.startRate(),
        PLAN.increment(),
        PLAN.maxDuration().toSeconds(),
        target.describe());
  }

  @Override
  public void after() {
    target.close();
  }
}
