package dev.gonogo.load.bench;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gonogo.load.bench.config.BenchSettings;
import dev.gonogo.load.bench.config.IngestBenchLoad;
import dev.gonogo.load.bench.payload.Envelope;
import dev.gonogo.load.bench.payload.EventEnvelopes;
import dev.gonogo.load.bench.payload.SessionEnvelopes;
import dev.gonogo.load.bench.probe.PhaseLog;
import dev.gonogo.load.bench.probe.ResourceSampler;
import dev.gonogo.load.config.LoadSettings;
import dev.gonogo.load.config.TargetConfig;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest benchmark of docs/benchmarks.md: sustained ingest of ~3 KB gzip'd Sentry event
 * envelopes (each answered 200 only after its SQLite commit) and of session updates, beside the
 * same server answering {@code POST /bench/noop} without doing any work, all in one run.
 *
 * <p>Sequential phases ({@link BenchPhase}): a warm-up, then four closed phases at the same number
 * of virtual users, each looping over its request for {@code gonogo.bench.phase-seconds} (noop with
 * event bodies, events, noop with session bodies, sessions), so their requests per second compare;
 * then one open phase per rate of {@code gonogo.bench.fixed-rate.events-per-second}, injecting that
 * many new users per second, one event each. The candidate's resident memory and CPU, the Gatling
 * JVM's CPU and the machine's are sampled from /proc throughout ({@link ResourceSampler}).
 *
 * <p>Bounded: each closed phase by time and by its request budget, each open phase by its user
 * count, every request by {@code gonogo.bench.request-timeout-ms}, the run by {@code
 * gonogo.bench.max-duration-seconds}. The assertions check that the run is valid (every phase
 * answered, closed phases without a failure, every fixed-rate user answered); the targets are
 * judged afterwards by {@code BenchReport}, because they compare phases with each other.
 */
public class IngestBenchmarkSimulation extends Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(IngestBenchmarkSimulation.class);

  private static final LoadSettings SETTINGS = LoadSettings.fromProcess();
  private static final IngestBenchLoad LOAD = IngestBenchLoad.from(BenchSettings.fromProcess());

  /** Crash-site variants (device, release, breadcrumbs) per site; fixed, so runs compare. */
  private static final int VARIANTS_PER_SITE = 8;

  private static final long PAYLOAD_SEED = 20_261_201L;
  private static final Clock CLOCK = Clock.systemUTC();
  private static final EventEnvelopes EVENTS =
      EventEnvelopes.bundled(VARIANTS_PER_SITE, PAYLOAD_SEED, CLOCK);
  private static final SessionEnvelopes SESSIONS = new SessionEnvelopes(CLOCK);
  private static final PhaseLog PHASES = new PhaseLog();

  /** The measured closed phases, in run order. */
  private static final List<BenchPhase> MEASURED =
      List.of(
          BenchPhase.NOOP_EVENT_BODY,
          BenchPhase.EVENTS,
          BenchPhase.NOOP_SESSION_BODY,
          BenchPhase.SESSIONS);

  // --- Payloads: a new envelope per request, kept in the virtual user's session. ---

  private static final ChainBuilder NEXT_EVENT =
      exec(
          session -> {
            Envelope envelope = EVENTS.next();
            return session.set("body", envelope.body()).set("eventId", envelope.eventId());
          });

  private static final ChainBuilder NEXT_SESSION =
      exec(session -> session.set("session", SESSIONS.newSession()));

  private static final ChainBuilder NEXT_SESSION_START =
      exec(
          session ->
              session.set(
                  "body", SESSIONS.start(session.<SessionEnvelopes.Session>get("session")).body()));

  private static final ChainBuilder NEXT_SESSION_END =
      exec(
          session ->
              session.set(
                  "body", SESSIONS.end(session.<SessionEnvelopes.Session>get("session")).body()));

  // --- Injection: the closed phases' fixed population, the open phase's arrival rate. ---

  /** Closed phases: this many users at once, each looping until its phase time or budget ends. */
  private static final OpenInjectionStep CLOSED_PHASE_USERS = atOnceUsers(LOAD.concurrency());

  /** A fixed-rate phase: rate x seconds users, one event each. */
  private static OpenInjectionStep fixedRateUsers(int rate) {
    return constantUsersPerSec(rate).during(LOAD.fixedRateDuration());
  }

  // --- Assertions: the run is valid; the targets are judged by BenchReport. ---

  private static final List<Assertion> ASSERTIONS = assertions();

  private final BenchCandidate candidate = BenchCandidate.start(TargetConfig.from(SETTINGS), LOAD);

  private final HttpProtocolBuilder protocol =
      http.baseUrl(candidate.baseUri().toString())
          .warmUp(candidate.baseUri() + "/health")
          .disableCaching()
          .userAgentHeader("gonogo-bench/1.0")
          .header(
              "X-Sentry-Auth",
              "Sentry sentry_key="
                  + candidate.publicKey()
                  + ", sentry_version=7, sentry_client=gonogo-bench/1.0")
          .contentTypeHeader("application/x-sentry-envelope")
          .header("Content-Encoding", "gzip");

  /**
   * The open phases: many short-lived users share keep-alive connections; more are opened while all
   * are busy, so in-flight requests (and sockets) grow with the service's latency.
   */
  private final HttpProtocolBuilder fixedRateProtocol = protocol.shareConnections();

  private final String envelopePath = "/api/" + candidate.projectId() + "/envelope/";

  private ResourceSampler sampler;

  {
    setUp(population()).assertions(ASSERTIONS).maxDuration(LOAD.maxDuration());
  }

  // --- Requests ---

  private HttpRequestActionBuilder noop(String name) {
    return http(name)
        .post("/bench/noop")
        .body(ByteArrayBody(session -> session.get("body")))
        .requestTimeout(LOAD.requestTimeout())
        .check(status().is(200));
  }

  /** 200 with the event's id: the SDKs' acknowledgement, sent only after the commit. */
  private HttpRequestActionBuilder event(String name) {
    return http(name)
        .post(envelopePath)
        .body(ByteArrayBody(session -> session.get("body")))
        .requestTimeout(LOAD.requestTimeout())
        .check(status().is(200), substring("#{eventId}").exists());
  }

  private HttpRequestActionBuilder session(String name) {
    return http(name)
        .post(envelopePath)
        .body(ByteArrayBody(session -> session.get("body")))
        .requestTimeout(LOAD.requestTimeout())
        .check(status().is(200));
  }

  // --- Scenarios ---

  /** One loop iteration of a phase and the number of requests it sends. */
  private record Iteration(ChainBuilder chain, int requests) {}

  /**
   * One iteration of a measured phase's loop, its requests named {@code name} and its answers
   * logged under phase {@code key}.
   */
  private Iteration iteration(BenchPhase phase, String name, String key) {
    return switch (phase) {
      case NOOP_EVENT_BODY -> new Iteration(NEXT_EVENT.exec(noop(name)).exec(answered(key)), 1);
      case EVENTS -> new Iteration(NEXT_EVENT.exec(event(name)).exec(answered(key)), 1);
      case NOOP_SESSION_BODY ->
          new Iteration(
              NEXT_SESSION.exec(NEXT_SESSION_START).exec(noop(name)).exec(answered(key)), 1);
      case SESSIONS ->
          new Iteration(
              NEXT_SESSION
                  .exec(NEXT_SESSION_START)
                  .exec(session(name))
                  .exec(answered(key))
                  .exec(NEXT_SESSION_END)
                  .exec(session(name))
                  .exec(answered(key)),
              2);
      case WARM_UP -> throw new IllegalArgumentException("the warm-up runs the measured phases");
    };
  }

  /** Loops over an iteration until {@code duration} is up or the user's budget is spent. */
  private static ChainBuilder loop(Iteration iteration, java.time.Duration duration) {
    int maxIterations = Math.max(1, LOAD.maxRequestsPerUser() / iteration.requests());
    return CoreDsl.asLongAsDuring(session -> session.getInt("i") < maxIterations, duration, "i")
        .on(iteration.chain());
  }

  /** A measured closed phase: every user loops over the phase's request. */
  private ScenarioBuilder closedPhase(BenchPhase phase) {
    return scenario(phase.key())
        .exec(sending(phase.key()))
        .exec(loop(iteration(phase, phase.request(), phase.key()), LOAD.phase()));
  }

  /**
   * The warm-up: the users are dealt round robin over the four measured loops, which run side by
   * side, so each code path of both JVMs is compiled before it is measured. Its requests are named
   * "warm-up ..." and not reported.
   */
  private ScenarioBuilder warmUp() {
    String key = BenchPhase.WARM_UP.key();
    List<ChainBuilder> loops =
        MEASURED.stream()
            .map(phase -> loop(iteration(phase, "warm-up " + phase.request(), key), LOAD.warmUp()))
            .toList();
    return scenario(key).exec(sending(key)).roundRobinSwitch().on(loops);
  }

  private ScenarioBuilder fixedRatePhase(int rate) {
    String key = BenchPhase.fixedRateKey(rate);
    return scenario(key)
        .exec(sending(key))
        .exec(NEXT_EVENT)
        .exec(event(BenchPhase.fixedRateRequest(rate)))
        .exec(answered(key));
  }

  private static ChainBuilder sending(String phase) {
    return exec(
        session -> {
          PHASES.sending(phase);
          return session;
        });
  }

  private static ChainBuilder answered(String phase) {
    return exec(
        session -> {
          PHASES.answered(phase);
          return session;
        });
  }

  /** The phases one after the other: each starts when every user of the previous one is done. */
  private PopulationBuilder population() {
    List<PopulationBuilder> phases = new ArrayList<>();
    if (!LOAD.warmUp().isZero()) {
      phases.add(warmUp().injectOpen(CLOSED_PHASE_USERS).protocols(protocol));
    }
    for (BenchPhase phase : MEASURED) {
      phases.add(closedPhase(phase).injectOpen(CLOSED_PHASE_USERS).protocols(protocol));
    }
    for (int rate : LOAD.fixedRatePhases()) {
      phases.add(
          fixedRatePhase(rate).injectOpen(fixedRateUsers(rate)).protocols(fixedRateProtocol));
    }
    // a.andThen(b).andThen(c) would start b and c together after a: nest from the last one.
    PopulationBuilder chain = phases.get(phases.size() - 1);
    for (int i = phases.size() - 2; i >= 0; i--) {
      chain = phases.get(i).andThen(chain);
    }
    return chain;
  }

  private static List<Assertion> assertions() {
    List<Assertion> assertions = new ArrayList<>();
    for (BenchPhase phase : MEASURED) {
      // Every user answered at least once, and nothing failed: a durable ack or nothing.
      assertions.add(details(phase.request()).allRequests().count().gte((long) LOAD.concurrency()));
      assertions.add(details(phase.request()).successfulRequests().percent().is(100.0));
    }
    for (int rate : LOAD.fixedRatePhases()) {
      // Every injected user got an answer (OK or KO) before the hard stop.
      assertions.add(
          details(BenchPhase.fixedRateRequest(rate))
              .allRequests()
              .count()
              .is(LOAD.fixedRateUsers(rate)));
    }
    return List.copyOf(assertions);
  }

  // --- Hooks ---

  @Override
  public void before() {
    LOG.info(
        "Ingest benchmark: {} users per closed phase, warm-up {} s, 4 phases of {} s (budget {}"
            + " requests each), then {} events/s for {} s each; request timeout {} ms; hard"
            + " stop {} s; {} event variants of ~{} KB gzip'd; target: {}",
        LOAD.concurrency(),
        LOAD.warmUp().toSeconds(),
        LOAD.phase().toSeconds(),
        LOAD.maxRequestsPerPhase(),
        LOAD.fixedRatePhases(),
        LOAD.fixedRateDuration().toSeconds(),
        LOAD.requestTimeout().toMillis(),
        LOAD.maxDuration().toSeconds(),
        EVENTS.variants(),
        EVENTS.next().body().length / 1024,
        candidate.describe());
    sampler =
        ResourceSampler.start(
            candidate.pid(),
            PHASES,
            LOAD.resultsDir().resolve("resources.tsv"),
            LOAD.sampleInterval());
  }

  @Override
  public void after() {
    PHASES.finished();
    try {
      if (sampler != null) {
        sampler.close();
      }
      Path record =
          RunRecord.write(
              LOAD.resultsDir().resolve("bench-run.properties"),
              LOAD,
              candidate,
              PHASES,
              sampler == null ? Map.of() : sampler.usage());
      LOG.info(
          "Run record: {} (resource samples: {})",
          record,
          LOAD.resultsDir().resolve("resources.tsv"));
    } catch (RuntimeException e) {
      LOG.error("Cannot write the run record: {}", e.toString(), e);
    } finally {
      candidate.close();
    }
  }
}
