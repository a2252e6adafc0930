package dev.gonogo.it.support;

import static dev.gonogo.it.support.Envelopes.crash;
import static dev.gonogo.it.support.Envelopes.envelope;
import static dev.gonogo.it.support.Envelopes.newEventId;
import static dev.gonogo.it.support.Envelopes.session;

import dev.gonogo.it.support.CandidateApi.Answer;
import dev.gonogo.it.support.CandidateApi.Project;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Sustained ingest from a few client threads, each sending one envelope after the other: a crash
 * with a fresh event id and a session update with a fresh session id. Every request is bounded by a
 * client timeout and every outcome is kept, so a suite can compare what was acknowledged with what
 * is stored, and see any request that hung.
 */
public final class IngestLoad implements AutoCloseable {
  /** What one request got: its answer, or the failure (a timeout is a hung request). */
  public record Outcome(
      String eventId,
      String sid,
      long startedNanos,
      long endedNanos,
      int status,
      String code,
      String retryAfter,
      String rateLimits,
      String answerId,
      String failure) {
    public boolean acknowledged() {
      return status == 200;
    }

    public boolean failed() {
      return failure != null;
    }

    public Duration took() {
      return Duration.ofNanos(endedNanos - startedNanos);
    }

    @Override
    public String toString() {
      return failed()
          ? "failed after " + took().toMillis() + " ms: " + failure
          : status + " " + code + " in " + took().toMillis() + " ms";
    }
  }

  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicInteger remaining;
  private final AtomicInteger running;
  private final ExecutorService threads;
  private final Duration timeout;

  private IngestLoad(int threadCount, int maxRequests, Duration timeout) {
    this.remaining = new AtomicInteger(maxRequests);
    this.running = new AtomicInteger(threadCount);
    this.threads = Executors.newFixedThreadPool(threadCount);
    this.timeout = timeout;
  }

  /**
   * Starts {@code threadCount} senders to a project, crashes of {@code release} in function {@code
   * pay}, until {@link #stop()} or {@code maxRequests} were sent.
   */
  public static IngestLoad start(
      CandidateApi api,
      Project project,
      String release,
      int threadCount,
      int maxRequests,
      Duration timeout) {
    IngestLoad load = new IngestLoad(threadCount, maxRequests, timeout);
    for (int i = 0; i < threadCount; i++) {
      load.threads.execute(() -> load.send(api, project, release));
    }
    load.threads.shutdown();
    return load;
  }

  private void send(CandidateApi api, Project project, String release) {
    try {
      while (!stopped.get() && remaining.getAndDecrement() > 0) {
        String id = newEventId();
        String sid = UUID.randomUUID().toString();
        byte[] body =
            envelope(
                id, crash(id, release, "pay", "declined"), session(sid, release, "exited", true));
        long start = System.nanoTime();
        try {
          Answer a =
              api.envelope(
                  project.id(),
                  project.publicKey(),
                  HttpRequest.BodyPublishers.ofByteArray(body),
                  Map.of(),
                  timeout);
          String answerId =
              a.status() == 200 || a.status() == 429 ? a.json().path("id").asText() : null;
          outcomes.add(
              new Outcome(
                  id,
                  sid,
                  start,
                  System.nanoTime(),
                  a.status(),
                  a.code(),
                  a.header("Retry-After"),
                  a.header("X-Sentry-Rate-Limits"),
                  answerId,
                  null));
        } catch (RuntimeException e) {
          outcomes.add(
              new Outcome(
                  id, sid, start, System.nanoTime(), 0, "", null, null, null, e.getMessage()));
        }
      }
    } finally {
      running.decrementAndGet();
    }
  }

  /** Every outcome so far, in no particular order. */
  public List<Outcome> outcomes() {
    return new ArrayList<>(outcomes);
  }

  public long count(Predicate<Outcome> which) {
    return outcomes.stream().filter(which).count();
  }

  /** True once every sender ended (stopped, or all requests sent). */
  public boolean finished() {
    return running.get() == 0;
  }

  /** Stops sending and waits for the requests in flight (each bounded by the client timeout). */
  public void stop() {
    stopped.set(true);
    try {
      if (!threads.awaitTermination(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "senders still running "
                + timeout.plusSeconds(5)
                + " after stop: a request hung past"
                + " its client timeout of "
                + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    stopped.set(true);
    threads.shutdownNow();
  }
}
