package dev.gonogo.load.sim;

import dev.gonogo.load.bench.payload.Envelope;
import dev.gonogo.load.bench.payload.EventEnvelopes;
import dev.gonogo.load.bench.payload.SessionEnvelopes;
import dev.gonogo.load.target.SuiteTarget;
import dev.gonogo.load.target.TargetException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traffic before a simulation's measured part, outside Gatling (so in none of its statistics):
 * sessions (first and last update) of a separate release and a crash every tenth session, sent by a
 * few concurrent clients, as a server that has been serving has seen. Bounded by a count and a time
 * limit; a refused request fails the run, since the measured part would be meaningless.
 */
public final class Warmup {
  /** The release warm-up traffic is reported under, apart from the simulation's. */
  public static final String RELEASE = "gonogo-warmup@0";

  private static final int SENDERS = 4;
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private Warmup() {}

  /** Sends {@code sessions} sessions; answers how many requests were sent and how long it took. */
  public static String run(SuiteTarget target, int sessions) {
    if (sessions == 0) {
      return "no warm-up";
    }
    long began = System.nanoTime();
    Clock clock = Clock.systemUTC();
    SessionEnvelopes envelopes = new SessionEnvelopes(clock);
    EventEnvelopes events = EventEnvelopes.bundled(4, 7, clock);
    BetaClient client = new BetaClient(target.project());
    URI uri = target.baseUri().resolve(target.project().envelopePath());
    HttpClient http =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicInteger sent = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        boolean crash = i % 10 == 9;
        work.add(
            senders.submit(
                () -> {
                  SessionEnvelopes.Session session =
                      envelopes.newSession("warmup-" + sent.get() % 97, RELEASE);
                  send(http, uri, client, envelopes.start(session), false, sent);
                  if (crash) {
                    send(http, uri, client, events.next(), true, sent);
                  }
                  send(http, uri, client, envelopes.end(session, crash, false), false, sent);
                  return null;
                }));
      }
      long deadline = System.nanoTime() + LIMIT.toNanos();
      for (Future<?> f : work) {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (TimeoutException e) {
      throw new TargetException(
          "the warm-up of " + sessions + " sessions did not finish within " + LIMIT, e);
    } catch (ExecutionException e) {
      throw new TargetException("the warm-up failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetException("interrupted during the warm-up", e);
    } finally {
      senders.shutdownNow();
    }
    return String.format(
        "warm-up: %d sessions, %d requests in %d ms (release %s, not measured)",
        sessions, sent.get(), Duration.ofNanos(System.nanoTime() - began).toMillis(), RELEASE);
  }

  /** Sessions must answer 200 (they are never rate-limited); a crash event may be counted (429). */
  private static void send(
      HttpClient http,
      URI uri,
      BetaClient client,
      Envelope envelope,
      boolean event,
      AtomicInteger sent)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("X-Sentry-Auth", client.sentryAuth())
            .header("Content-Type", "application/x-sentry-envelope")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.body()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 && !(event && response.statusCode() == 429)) {
      throw new IOException(
          "POST " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    sent.incrementAndGet();
  }
}
