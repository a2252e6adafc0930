package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gonogo.load.config.LoadSettings;
import dev.gonogo.load.config.SmokeLoad;
import dev.gonogo.load.config.TargetConfig;
import dev.gonogo.load.target.Target;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smoke: a few virtual users ask the candidate {@code GET /health} and {@code GET /ready} for a few
 * seconds. It proves the wiring (candidate up, suite reaching it, results and assertions written),
 * not capacity; a failed assertion fails {@code ./mvnw verify}.
 *
 * <p>Load level and bounds: {@code gonogo.load.smoke.*} (see load-defaults.properties). Target:
 * {@code gonogo.target}, or a candidate started from {@code gonogo.candidate.jar}.
 */
public class SmokeSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(SmokeSimulation.class);

  private static final LoadSettings SETTINGS = LoadSettings.fromProcess();
  private static final SmokeLoad LOAD = SmokeLoad.from(SETTINGS);

  /** Requests each virtual user sends: one per {@code exec} in {@link #SCENARIO}. */
  private static final int REQUESTS_PER_USER = 2;

  private static final ScenarioBuilder SCENARIO =
      scenario("smoke")
          .exec(
              http("health").get("/health").check(status().is(200), jsonPath("$.status").is("UP")))
          .exec(
              http("ready")
                  .get("/ready")
                  .check(status().is(200), jsonPath("$.status").is("READY")));

  /** Open model, bounded in count: exactly rate x duration users. */
  private static final OpenInjectionStep INJECTION =
      constantUsersPerSec(LOAD.usersPerSecond()).during(LOAD.duration());

  /**
   * The request count comes first: without it, a run that sent nothing would pass the others.
   * Gatling prints each with its actual value.
   */
  private static final List<Assertion> ASSERTIONS =
      List.of(
          global().allRequests().count().gte(LOAD.expectedRequests(REQUESTS_PER_USER)),
          global().successfulRequests().percent().is(100.0),
          global().responseTime().percentile(95.0).lt(Math.toIntExact(LOAD.p95Max().toMillis())));

  /** Started (or found) when Gatling instantiates the simulation; closed in {@link #after()}. */
  private final Target target = Target.resolve(TargetConfig.from(SETTINGS));

  private final HttpProtocolBuilder protocol =
      http.baseUrl(target.baseUri().toString())
          .warmUp(target.baseUri() + "/health")
          .acceptHeader("application/json")
          .userAgentHeader("gonogo-load-tests/smoke");

  {
    setUp(SCENARIO.injectOpen(INJECTION))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(LOAD.maxDuration());
  }

  @Override
  public void before() {
    LOG.info(
        "Smoke: {} users/s for {} s = {} users, {} requests expected; hard stop {} s; p95 < {} ms;"
            + " target: {}",
        LOAD.usersPerSecond(),
        LOAD.duration().toSeconds(),
        LOAD.users(),
        LOAD.expectedRequests(REQUESTS_PER_USER),
        LOAD.maxDuration().toSeconds(),
        LOAD.p95Max().toMillis(),
        target.describe());
  }

  @Override
  public void after() {
    target.close();
  }
}
