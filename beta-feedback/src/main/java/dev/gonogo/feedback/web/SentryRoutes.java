package dev.gonogo.feedback.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.ingest.IngestBudget;
import dev.gonogo.feedback.ingest.IngestMetrics;
import dev.gonogo.feedback.ingest.Ingestor;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.sentry.BodyLimits;
import dev.gonogo.feedback.sentry.Decoding;
import dev.gonogo.feedback.sentry.Envelope;
import dev.gonogo.feedback.sentry.EnvelopeItem;
import dev.gonogo.feedback.sentry.EnvelopeParser;
import dev.gonogo.feedback.sentry.RateLimit;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import dev.gonogo.feedback.sentry.SentryAuth;
import dev.gonogo.feedback.store.GroupCommitWriter;
import dev.gonogo.feedback.store.StoreException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sentry SDK endpoints: {@code POST /api/{project}/envelope/} and the legacy {@code POST
 * /api/{project}/store/}, plus the shared answer of every ingest route.
 *
 * <p>Answers, as the SDKs expect them: 200 {@code {"id": "<event id>"}} only once the request's
 * data is committed (the Java SDK counts any other 2xx as a failure); 4xx {@code {"code",
 * "message"}} with a stable {@link RejectReason} code for bad input, never retried by SDKs; 429
 * with {@code Retry-After} and {@code X-Sentry-Rate-Limits} when an event was over its rate limit
 * (the event was counted on its signature, everything else in the request was stored); 503 with
 * {@code Retry-After} when the store is unavailable or its queue is full (nothing of the request
 * was acknowledged).
 */
public final class SentryRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SentryRoutes.class);

  /** Seconds an SDK is asked to wait when the store is unavailable or overloaded. */
  public static final int STORE_RETRY_AFTER_SECONDS = 5;

  private final Projects projects;
  private final Ingestor ingestor;
  private final IngestMetrics metrics;
  private final BodyLimits limits;
  private final int maxItems;
  private final IngestBudget budget;

  public SentryRoutes(
      Projects projects,
      Ingestor ingestor,
      IngestMetrics metrics,
      BodyLimits limits,
      int maxItems,
      IngestBudget budget) {
    this.projects = projects;
    this.ingestor = ingestor;
    this.metrics = metrics;
    this.limits = limits;
    this.maxItems = maxItems;
    this.budget = budget;
  }

  /** {@code POST /api/{project}/envelope/}. */
  public void envelope(Context ctx) {
    handle(ctx, body -> EnvelopeParser.parse(body, maxItems), true);
  }

  /**
   * {@code POST /api/{project}/store/}: one event as a JSON body, as SDKs before envelopes sent it.
   * It is wrapped in a one-item envelope and takes the same path.
   */
  public void store(Context ctx) {
    handle(
        ctx,
        body -> {
          if (body.length == 0) {
            throw new RejectedException(
                RejectReason.EMPTY_BODY, "store body: the body has no bytes");
          }
          ObjectNode itemHeader = JsonNodeFactory.instance.objectNode().put("type", "event");
          return new Envelope(
              JsonNodeFactory.instance.objectNode(),
              List.of(new EnvelopeItem(0, itemHeader, body)));
        },
        false);
  }

  private void handle(Context ctx, Function<byte[], Envelope> parse, boolean envelopeAuth) {
    String routeProject = ctx.pathParam("project");
    withLease(
        ctx,
        lease -> {
          Optional<SentryAuth> header =
              SentryAuth.fromHeaders(ctx.header("X-Sentry-Auth"), ctx.header("Authorization"));
          Optional<SentryAuth> query = SentryAuth.fromQuery(ctx.queryString());
          Project project = null;
          if (header.isPresent() || query.isPresent()) {
            // Refuse a wrong key before reading (and inflating) the body.
            project = authenticate(SentryAuth.resolve(header, query), routeProject);
          } else if (!envelopeAuth) {
            throw new RejectedException(
                RejectReason.MISSING_AUTH, RejectReason.MISSING_AUTH.defaultMessage());
          }
          Envelope envelope = parse.apply(readBody(ctx, lease));
          if (envelopeAuth) {
            SentryAuth all = SentryAuth.resolve(header, query, SentryAuth.fromEnvelope(envelope));
            project = authenticate(all, routeProject);
          }
          return submit(ctx, project, envelope, lease);
        });
  }

  /** One step of an ingest request; returns true when it handed the lease to a pending commit. */
  @FunctionalInterface
  interface LeasedStep {
    boolean run(IngestBudget.Lease lease);
  }

  /**
   * Runs an ingest request under a budget lease and answers its refusals; the lease is returned
   * when the request is answered, by the commit when there is one.
   */
  void withLease(Context ctx, LeasedStep step) {
    if (ingestor.saturated()) {
      unavailable(ctx, "store_overloaded", "the write queue is full");
      return;
    }
    IngestBudget.Lease lease = null;
    boolean handedOver = false;
    try {
      lease = budget.lease();
      handedOver = step.run(lease);
    } catch (RejectedException e) {
      reject(ctx, e);
    } catch (IngestBudget.Exhausted e) {
      unavailable(ctx, "ingest_overloaded", e.getMessage());
    } catch (IngestBudget.Closed e) {
      unavailable(ctx, "shutting_down", e.getMessage());
    } finally {
      if (lease != null && !handedOver) {
        lease.close();
      }
    }
  }

  /**
   * Commits the envelope asynchronously and answers once the commit is known.
   *
   * @return true when a commit is pending; it returns the lease when it completes
   */
  boolean submit(Context ctx, Project project, Envelope envelope, IngestBudget.Lease lease) {
    CompletableFuture<Ingestor.Outcome> commit;
    try {
      commit = ingestor.ingest(project, envelope);
    } catch (GroupCommitWriter.Overloaded e) {
      unavailable(ctx, "store_overloaded", e.getMessage());
      return false;
    } catch (GroupCommitWriter.Unavailable | StoreException e) {
      unavailable(ctx, "store_unavailable", e.getMessage());
      return false;
    }
    ctx.future(
        () ->
            commit.handle(
                (outcome, error) -> {
                  lease.close();
                  if (error != null) {
                    Throwable cause = Ingestor.unwrap(error);
                    LOG.warn(
                        "ingest: project {}: not committed: {}", project.id(), cause.getMessage());
                    unavailable(ctx, "store_unavailable", cause.getMessage());
                  } else {
                    accepted(ctx, outcome);
                  }
                  return null;
                }));
    return true;
  }

  private void accepted(Context ctx, Ingestor.Outcome outcome) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", outcome.eventId().orElse(null));
    if (outcome.rateLimited()) {
      List<RateLimit> limits = outcome.rateLimits();
      metrics.rejected(RejectReason.RATE_LIMITED);
      ctx.header("Retry-After", Long.toString(RateLimit.retryAfterSeconds(limits)));
      ctx.header(RateLimit.HEADER, RateLimit.headerValue(limits));
      body.put("code", RejectReason.RATE_LIMITED.code());
      body.put(
          "message",
          "an event was over its rate limit ("
              + limits.get(0).reasonCode()
              + "): it was counted on its signature, its body was not stored; the rest of the"
              + " request was stored");
      ctx.status(429).json(body);
    } else {
      ctx.status(200).json(body);
    }
  }

  private void unavailable(Context ctx, String code, String message) {
    metrics.rejected(code);
    ctx.header("Retry-After", Integer.toString(STORE_RETRY_AFTER_SECONDS));
    ctx.status(503).json(unavailableBody(code, message));
  }

  /**
   * The body of a 503 (sent with {@code Retry-After: }{@value #STORE_RETRY_AFTER_SECONDS}): nothing
   * was acknowledged.
   */
  public static Map<String, Object> unavailableBody(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put(
        "message", message + "; nothing of this request was acknowledged, send it again later");
    return body;
  }

  void reject(Context ctx, RejectedException e) {
    RejectReason reason = e.reason();
    metrics.rejected(reason);
    LOG.info(
        "ingest rejected: {} {} {} ({}): {}",
        reason.code(),
        ctx.method(),
        ctx.path(),
        ctx.header("User-Agent"),
        e.detail());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", reason.code());
    body.put("message", e.detail());
    ctx.status(reason.status()).json(body);
  }

  /**
   * The project of the route, if the key is its key.
   *
   * @throws RejectedException {@code project_mismatch} when a DSN names another project, {@code
   *     unknown_key} when the project does not exist or the key is not its key
   */
  Project authenticate(SentryAuth auth, String routeProject) {
    auth.requireProject(routeProject);
    Project project =
        projects
            .find(routeProject)
            .orElseThrow(
                () ->
                    new RejectedException(
                        RejectReason.UNKNOWN_KEY,
                        "no project " + routeProject + " on this service; check the DSN"));
    if (!MessageDigest.isEqual(
        project.publicKey().getBytes(StandardCharsets.UTF_8),
        auth.key().getBytes(StandardCharsets.UTF_8))) {
      throw new RejectedException(
          RejectReason.UNKNOWN_KEY,
          "the public key is not the key of project " + routeProject + "; check the DSN");
    }
    return project;
  }

  /**
   * The body with its Content-Encoding undone, within the limits.
   *
   * @throws RejectedException for a body over a limit or one that does not decode
   * @throws IngestBudget.Exhausted when the bytes would pass the budget of all requests
   * @throws IngestBudget.Closed when the connection failed because the service is stopping
   */
  byte[] readBody(Context ctx, IngestBudget.Lease lease) {
    limits.checkContentLength(ctx.req().getContentLengthLong());
    try {
      return Decoding.decode(
          ctx.bodyInputStream(), ctx.header("Content-Encoding"), limits, lease::take);
    } catch (IOException e) {
      // Decoding answers a body that does not decode as malformed_compression; an IOException is
      // the connection's: it closed, or went idle, before the body was whole.
      if (budget.isClosed()) {
        throw new IngestBudget.Closed(); // the stop cut it: nothing acknowledged, send it again
      }
      throw new RejectedException(
          RejectReason.INCOMPLETE_BODY,
          "the request body could not be read to its end ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "): the connection closed or went idle");
    }
  }
}
