package dev.gonogo.load.sim;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gonogo.load.bench.payload.EventEnvelopes;
import dev.gonogo.load.bench.payload.SessionEnvelopes;
import dev.gonogo.load.target.Project;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a beta app's Sentry SDK sends, as Gatling chains: a session's first update, a crash event
 * (Sentry envelope, gzip'd, ~3 KB; signature drawn from {@link CrashMix}) and the session's last
 * update. All in group {@link Groups#INGEST}.
 *
 * <p>429 semantics: a crash may be answered 429 when its project or release is over its rate limit;
 * the answer must then say so the way SDKs understand ({@code Retry-After}, {@code
 * X-Sentry-Rate-Limits}, code {@code rate_limited}). Session updates are never rate limited: they
 * must be answered 200.
 *
 * <p>An {@link #unmeasured} client sends the same requests silent and in no group: Gatling sends
 * them but keeps them out of every statistic and assertion.
 */
public final class BetaClient {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final int VARIANTS_PER_SITE = 4;
  private static final long PAYLOAD_SEED = 20_261_202L;
  private static final int DEVICES = 50_000;

  private static final EventEnvelopes EVENTS =
      EventEnvelopes.bundled(VARIANTS_PER_SITE, PAYLOAD_SEED, CLOCK);
  private static final SessionEnvelopes SESSIONS = new SessionEnvelopes(CLOCK);
  private static final CrashMix MIX = CrashMix.bundled();

  private final Project project;
  private final boolean measured;

  public BetaClient(Project project) {
    this(project, true);
  }

  private BetaClient(Project project, boolean measured) {
    this.project = project;
    this.measured = measured;
  }

  /**
   * A client whose requests are silent: they warm Gatling's own HTTP client (its JIT, its
   * connection code) without being measured.
   */
  public static BetaClient unmeasured(Project project) {
    return new BetaClient(project, false);
  }

  /** The Sentry auth header SDKs send with the DSN's public key. */
  public String sentryAuth() {
    return "Sentry sentry_key="
        + project.publicKey()
        + ", sentry_version=7, sentry_client=sentry.java.android/7.18.0";
  }

  /** A new session of {@code release} on a random device; {@code crashes} decided up front. */
  public ChainBuilder openSession(String release, double crashRate) {
    return exec(session ->
            session
                .set(
                    "session",
                    SESSIONS.newSession(
                        "d-" + ThreadLocalRandom.current().nextInt(DEVICES), release))
                .set("crashes", ThreadLocalRandom.current().nextDouble() < crashRate))
        .exec(
            session ->
                session.set(
                    "body",
                    SESSIONS.start(session.<SessionEnvelopes.Session>get("session")).body()))
        .exec(ingest(exec(envelope("session start").check(status().is(200)))));
  }

  /** After {@code length}: a crash event and a crashed last update, or an exited one. */
  public ChainBuilder closeSession(Duration length) {
    ChainBuilder crash =
        exec(session -> session.set("body", EVENTS.next(MIX.nextSite()).body()))
            .exec(ingest(exec(crashEvent())))
            .exec(session -> session.set("body", end(session, true)))
            .exec(ingest(exec(envelope("session crashed").check(status().is(200)))));
    ChainBuilder exit =
        exec(session -> session.set("body", end(session, false)))
            .exec(ingest(exec(envelope("session exited").check(status().is(200)))));
    ChainBuilder pause = length.isZero() ? exec(s -> s) : exec(s -> s).pause(length);
    return pause.doIfOrElse(session -> session.getBoolean("crashes")).then(crash).orElse(exit);
  }

  /**
   * A crash envelope: 200 (stored) or 429 (counted, not stored) with the SDK's rate-limit headers.
   */
  public HttpRequestActionBuilder crashEvent() {
    return envelope("crash event")
        .check(status().in(200, 429).saveAs("status"), jsonPath("$.id").exists())
        .checkIf((response, session) -> response.status().code() == 429)
        .then(
            header("Retry-After").exists(),
            header("X-Sentry-Rate-Limits").exists(),
            jsonPath("$.code").is("rate_limited"));
  }

  private static byte[] end(io.gatling.javaapi.core.Session session, boolean crashed) {
    return SESSIONS.end(session.<SessionEnvelopes.Session>get("session"), crashed, false).body();
  }

  /** In group {@link Groups#INGEST}; unmeasured requests are in no group. */
  private ChainBuilder ingest(ChainBuilder requests) {
    return measured ? exec(group(Groups.INGEST).on(requests)) : requests;
  }

  private HttpRequestActionBuilder envelope(String name) {
    HttpRequestActionBuilder request =
        http(name)
            .post(project.envelopePath())
            .header("X-Sentry-Auth", sentryAuth())
            .header("Content-Type", "application/x-sentry-envelope")
            .header("Content-Encoding", "gzip")
            .body(ByteArrayBody(session -> session.get("body")));
    return measured ? request : request.silent();
  }

  /** A dashboard read with the admin token, in group {@link Groups#READS}. */
  public static ChainBuilder read(Project project, String adminToken, ReadPaths.ReadPath read) {
    return group(Groups.READS)
        .on(
            exec(
                http("GET " + read.name())
                    .get(ReadPaths.url(project, read))
                    .header("Authorization", "Bearer " + adminToken)
                    .check(status().is(200))));
  }
}
