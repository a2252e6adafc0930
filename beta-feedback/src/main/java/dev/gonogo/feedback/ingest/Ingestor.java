package dev.gonogo.feedback.ingest;

import dev.gonogo.feedback.ingest.internal.Plan;
import dev.gonogo.feedback.ingest.internal.Planner;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.scrub.Scrubber;
import dev.gonogo.feedback.sentry.Envelope;
import dev.gonogo.feedback.sentry.RateLimit;
import dev.gonogo.feedback.sentry.RejectedException;
import dev.gonogo.feedback.signature.SignatureGenerator;
import dev.gonogo.feedback.store.GroupCommitWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Turns a parsed envelope into durable writes: every item is validated first (a request is stored
 * whole or not at all), personal data is scrubbed, crashes get their signature, crash events pass
 * the rate limiter (sessions never do), and the writes of the request are committed together by the
 * {@link GroupCommitWriter}. The returned future completes only after the commit.
 *
 * <p>An event past a rate limit is not lost track of: its signature's counter is raised in the same
 * commit, its body (and attachments) are not stored, and the {@link Outcome} carries the limit so
 * the caller answers 429 with {@code Retry-After} and {@code X-Sentry-Rate-Limits}.
 */
public final class Ingestor implements AutoCloseable {
  /**
   * What a committed request did.
   *
   * @param eventId the id of the envelope's event (or feedback), for the SDK's {@code {"id": ...}}
   * @param rateLimits non-empty when an event was over a limit: counted, not stored
   * @param stored writes that changed the store (a re-sent event id does not)
   * @param duplicates writes that were already stored
   */
  public record Outcome(
      Optional<String> eventId, List<RateLimit> rateLimits, int stored, int duplicates) {
    public Outcome {
      Objects.requireNonNull(eventId, "eventId");
      rateLimits = List.copyOf(rateLimits);
    }

    public boolean rateLimited() {
      return !rateLimits.isEmpty();
    }
  }

  /** The commit did not finish within the acknowledgement timeout: answered 503, not acked. */
  public static final class AckTimeout extends RuntimeException {
    AckTimeout(Duration timeout) {
      super("the store did not commit within " + timeout.toMillis() + " ms");
    }
  }

  private final Planner planner;
  private final GroupCommitWriter writer;
  private final IngestMetrics metrics;
  private final Duration ackTimeout;

  /**
   * Finishes requests once their commit is known, so that writing HTTP answers does not take the
   * single writer thread's time (a quarter of it in the benchmark's profile).
   */
  private final ExecutorService responder =
      Executors.newFixedThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "gonogo-ingest-responder");
            thread.setDaemon(true);
            return thread;
          });

  public Ingestor(
      Scrubber scrubber,
      SignatureGenerator signatures,
      RateLimiter rateLimiter,
      int maxAttachmentBytes,
      GroupCommitWriter writer,
      IngestMetrics metrics,
      Duration ackTimeout,
      Clock clock) {
    this.planner =
        new Planner(scrubber, signatures, rateLimiter, maxAttachmentBytes, metrics, clock);
    this.writer = Objects.requireNonNull(writer, "writer");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
  }

  /**
   * The write queue is full. Checked before a request's body is read, so that under overload the
   * service refuses at once instead of decoding, parsing and signing what it cannot store.
   */
  public boolean saturated() {
    return writer.isFull();
  }

  /**
   * Validates and plans synchronously, then commits asynchronously.
   *
   * @throws RejectedException when an item is invalid; nothing of the request is stored
   * @throws GroupCommitWriter.Overloaded when the write queue is full
   */
  public CompletableFuture<Outcome> ingest(Project project, Envelope envelope) {
    Plan plan = planner.plan(project, envelope);
    if (plan.writes().isEmpty()) {
      return CompletableFuture.completedFuture(
          new Outcome(plan.eventId(), plan.rateLimits(), 0, 0));
    }
    return writer
        .submit(plan.writes())
        .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync(
            (applied, error) -> {
              if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof java.util.concurrent.TimeoutException) {
                  throw new AckTimeout(ackTimeout);
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
              }
              int stored = (int) applied.stream().filter(Boolean::booleanValue).count();
              metrics.committed(plan, applied);
              return new Outcome(
                  plan.eventId(), plan.rateLimits(), stored, applied.size() - stored);
            },
            responder);
  }

  /** Lets the answers of committed requests be written, then stops; call after the writer. */
  @Override
  public void close() {
    responder.shutdown();
    try {
      if (!responder.awaitTermination(10, TimeUnit.SECONDS)) {
        responder.shutdownNow();
      }
    } catch (InterruptedException e) {
      responder.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** What a failed {@link #ingest} future failed with, without its CompletionException wrapper. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
