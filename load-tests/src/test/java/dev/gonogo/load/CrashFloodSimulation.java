package dev.gonogo.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

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
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A release whose sessions crash at 40 % within minutes. Three populations:
 *
 * <ul>
 *   <li>the flood: sessions of the flooding release, {@code crash-rate} of them sending a crash
 *       event; crashes over the rate limit must be answered 429 with {@code Retry-After} and {@code
 *       X-Sentry-Rate-Limits}, session updates always 200 (never rate limited);
 *   <li>release managers reading release health meanwhile ({@link ReadPaths#DASHBOARD}): the
 *       policy's {@code release-health-reads} SLO says they stay fast;
 *   <li>after the flood, one check that the 429s were counted, not lost: the signatures show
 *       dropped events and the release's sessions show its crashes.
 * </ul>
 */
public class CrashFloodSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(CrashFloodSimulation.class);

  private static final Plans.CrashFlood PLAN = Plans.crashFlood(Suite.SETTINGS);
  private static final LoadPolicy POLICY = Suite.policy();

  static final String DROPPED_COUNTED = "rate-limited crashes counted as dropped";
  static final String CRASHES_COUNTED = "flood release's crashed sessions counted";

  /** Each flooding device sends its first and last update at least. */
  private static final int MIN_REQUESTS_PER_USER = 2;

  private static final List<Assertion> ASSERTIONS = assertions();

  private final SuiteTarget target = SuiteTarget.resolve(Suite.SETTINGS, candidateLimits());
  private final BetaClient client = new BetaClient(target.project());

  private final ScenarioBuilder flood =
      scenario("crash flood")
          .exec(client.openSession(PLAN.release(), PLAN.crashRate()))
          .exec(client.closeSession(Duration.ZERO));

  private final ScenarioBuilder readers = scenario("release managers").exec(dashboard());

  private final ScenarioBuilder afterwards = scenario("after the flood").exec(checks());

  private final HttpProtocolBuilder protocol = Suite.protocol(target, "crash-flood");

  {
    PopulationBuilder floodThenCheck =
        flood
            .injectOpen(Injection.of(PLAN.arrivals()))
            .andThen(afterwards.injectOpen(atOnceUsers(1)));
    setUp(floodThenCheck, readers.injectOpen(Injection.of(PLAN.readers())))
        .protocols(protocol)
        .assertions(ASSERTIONS)
        .maxDuration(PLAN.maxDuration());
  }

  /** A candidate the suite starts gets limits low enough for a short flood to reach them. */
  private static Map<String, String> candidateLimits() {
    Map<String, String> env = new LinkedHashMap<>();
    if (PLAN.candidateEventsPerSecond() > 0) {
      String rate = Integer.toString(PLAN.candidateEventsPerSecond());
      env.put("GONOGO_RATELIMIT_PROJECT_EVENTS_PER_SECOND", rate);
      env.put("GONOGO_RATELIMIT_PROJECT_BURST", rate);
      env.put("GONOGO_RATELIMIT_RELEASE_EVENTS_PER_SECOND", rate);
      env.put("GONOGO_RATELIMIT_RELEASE_BURST", rate);
    }
    return env;
  }

  private ChainBuilder dashboard() {
    ChainBuilder chain = exec(session -> session);
    for (ReadPaths.ReadPath read : ReadPaths.DASHBOARD) {
      chain = chain.exec(BetaClient.read(target.project(), target.adminToken(), read));
    }
    return chain;
  }

  private ChainBuilder checks() {
    String auth = "Bearer " + target.adminToken();
    String release = URLEncoder.encode(PLAN.release(), StandardCharsets.UTF_8);
    ChainBuilder crashes =
        exec(
            group(Groups.CHECKS)
                .on(
                    exec(
                        http(CRASHES_COUNTED)
                            .get(target.project().readRoot() + "/sessions?release=" + release)
                            .header("Authorization", auth)
                            .check(
                                status().is(200),
                                jsonPath("$.releases[?(@.crashed > 0)]").exists()))));
    if (!PLAN.expectRateLimited()) {
      return crashes;
    }
    return crashes.exec(
        group(Groups.CHECKS)
            .on(
                exec(
                    http(DROPPED_COUNTED)
                        .get(target.project().readRoot() + "/signatures?limit=500")
                        .header("Authorization", auth)
                        .check(
                            status().is(200),
                            jsonPath("$.items[?(@.droppedEvents > 0)]").exists()))));
  }

  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    assertions.add(
        global().allRequests().count().gte(PLAN.arrivals().minimumUsers() * MIN_REQUESTS_PER_USER));
    assertions.add(details(Groups.CHECKS, CRASHES_COUNTED).successfulRequests().count().is(1L));
    if (PLAN.expectRateLimited()) {
      assertions.add(details(Groups.CHECKS, DROPPED_COUNTED).successfulRequests().count().is(1L));
    }
    assertions.addAll(Slos.assertions(POLICY, Set.of(Groups.INGEST, Groups.READS)));
    return assertions;
  }

  @Override
  public void before() {
    LOG.info(
        "Crash flood: release {} crashing at {}, {}; readers {}; candidate event limit {}/s;"
            + " hard stop {} s; target: {}",
        PLAN.release(),
        PLAN.crashRate(),
        PLAN.arrivals().phases(),
        PLAN.readers().phases(),
        PLAN.candidateEventsPerSecond() == 0 ? "(own)" : PLAN.candidateEventsPerSecond(),
        PLAN.maxDuration().toSeconds(),
        target.describe());
  }

  @Override
  public void after() {
    target.close();
  }
}
