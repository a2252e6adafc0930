package dev.gonogo.feedback.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.ingest.IngestMetrics;
import dev.gonogo.feedback.ingest.RateLimiter;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.scrub.Scrubber;
import dev.gonogo.feedback.sentry.Attachment;
import dev.gonogo.feedback.sentry.ClientReport;
import dev.gonogo.feedback.sentry.Envelope;
import dev.gonogo.feedback.sentry.EnvelopeItem;
import dev.gonogo.feedback.sentry.ItemPayload;
import dev.gonogo.feedback.sentry.OtherItem;
import dev.gonogo.feedback.sentry.RateLimit;
import dev.gonogo.feedback.sentry.SentryEvent;
import dev.gonogo.feedback.sentry.SessionAggregates;
import dev.gonogo.feedback.sentry.SessionUpdate;
import dev.gonogo.feedback.sentry.UserFeedback;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.sentry.internal.Utf8;
import dev.gonogo.feedback.signature.Signature;
import dev.gonogo.feedback.signature.SignatureGenerator;
import dev.gonogo.feedback.store.Records;
import dev.gonogo.feedback.store.Records.Write;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Plans the writes of one envelope. Every item is parsed before anything else happens, so an
 * invalid item refuses the whole request before a rate-limit token is spent or a row is written.
 */
public final class Planner {
  /** Sentry's server-side default when an SDK sends no environment. */
  static final String DEFAULT_ENVIRONMENT = "production";

  private final Scrubber scrubber;
  private final SignatureGenerator signatures;
  private final RateLimiter rateLimiter;
  private final int maxAttachmentBytes;
  private final IngestMetrics metrics;
  private final Clock clock;

  public Planner(
      Scrubber scrubber,
      SignatureGenerator signatures,
      RateLimiter rateLimiter,
      int maxAttachmentBytes,
      IngestMetrics metrics,
      Clock clock) {
    this.scrubber = scrubber;
    this.signatures = signatures;
    this.rateLimiter = rateLimiter;
    this.maxAttachmentBytes = maxAttachmentBytes;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Plan plan(Project project, Envelope envelope) {
    List<ItemPayload> payloads = new ArrayList<>(envelope.items().size());
    for (EnvelopeItem item : envelope.items()) {
      payloads.add(ItemPayload.parse(item));
    }
    long now = clock.millis();
    Optional<String> envelopeId = envelope.eventId();
    Optional<String> eventId = envelopeId;
    String attachTo = null; // the event attachments belong to; null when it was dropped
    boolean eventDropped = false;
    List<Write> writes = new ArrayList<>();
    List<RateLimit> limits = new ArrayList<>();
    boolean firstEvent = true;

    for (int i = 0; i < payloads.size(); i++) {
      ItemPayload payload = payloads.get(i);
      EnvelopeItem item = envelope.items().get(i);
      if (payload instanceof SentryEvent event) {
        String id =
            firstEvent && envelopeId.isPresent()
                ? envelopeId.get()
                : event.eventId().orElseGet(() -> digest(item.payload()));
        firstEvent = false;
        eventId = eventId.or(() -> Optional.of(id));
        Write write = event(project, id, event, now, limits);
        writes.add(write);
        eventDropped = write instanceof Records.DroppedEvent;
        attachTo = eventDropped ? null : id;
      } else if (payload instanceof SessionUpdate session) {
        writes.add(session(project, session, envelope, now));
      } else if (payload instanceof SessionAggregates aggregates) {
        writes.addAll(
            aggregates(
                project,
                item,
                aggregates,
                DimensionsOf.aggregates(aggregates, Optional.of(envelope)),
                now));
      } else if (payload instanceof ClientReport report) {
        String digest = digest(item.payload());
        List<ClientReport.Discarded> discarded = report.discardedEvents();
        for (int d = 0; d < discarded.size(); d++) {
          ClientReport.Discarded entry = discarded.get(d);
          writes.add(
              new Records.ClientReport(
                  project.id(),
                  digest + "/" + d,
                  now,
                  entry.reason(),
                  entry.category(),
                  entry.quantity()));
        }
      } else if (payload instanceof UserFeedback feedback) {
        Records.Feedback write = feedback(project, item, feedback, envelopeId, now);
        eventId = eventId.or(() -> Optional.of(write.feedbackId()));
        writes.add(write);
      } else if (payload instanceof Attachment attachment) {
        attachment(project, item, attachment, envelopeId, attachTo, eventDropped, now)
            .ifPresent(writes::add);
      } else if (payload instanceof OtherItem other) {
        metrics.skipped(other.type(), "unsupported_item_type");
      }
    }
    return new Plan(writes, eventId, limits);
  }

  private Write event(
      Project project, String id, SentryEvent event, long now, List<RateLimit> limits) {
    ObjectNode json = event.json();
    scrubber.scrub(json);
    json.put("event_id", id);
    Signature signature = signatures.generate(CrashInputs.of(event));
    String release = event.release().orElse("");
    String environment = event.environment().orElse(DEFAULT_ENVIRONMENT);
    RateLimiter.Decision decision = rateLimiter.tryAcquire(project.id(), release);
    if (!decision.allowed()) {
      limits.add(
          new RateLimit(
              Duration.ofSeconds(decision.retryAfterSeconds()),
              List.of("error"),
              "project",
              decision.scope() + "_quota"));
      metrics.rateLimited(decision.scope());
      return new Records.DroppedEvent(
          project.id(),
          id,
          signature.fingerprint(),
          signature.title(),
          release,
          environment,
          now,
          event.isCrash(),
          event.user().flatMap(SentryEvent.User::id).orElse(null),
          DimensionsOf.event(event, release));
    }
    return new Records.StoredEvent(
        project.id(),
        id,
        now,
        event.timestamp().map(t -> t.toEpochMilli()).orElse(now),
        release,
        environment,
        event.platform().orElse("other"),
        event.level().orElse("error"),
        event.isCrash(),
        signature.fingerprint(),
        signature.title(),
        event.user().flatMap(SentryEvent.User::id).orElse(null),
        write(json),
        DimensionsOf.event(event, release));
  }

  private Records.SessionUpdate session(
      Project project, SessionUpdate session, Envelope envelope, long now) {
    scrubber.scrub(session.json());
    return new Records.SessionUpdate(
        project.id(),
        session.sid().toString(),
        session.did().orElse(null),
        session.attrs().release(),
        session.attrs().environment().orElse(DEFAULT_ENVIRONMENT),
        session.status().wireName(),
        (int) Math.min(Integer.MAX_VALUE, session.errors()),
        // Without seq, the update's own timestamp orders it (the receive time, when neither).
        session.seq().orElseGet(() -> session.timestamp().map(t -> t.toEpochMilli()).orElse(now)),
        session.init(),
        session.started().toEpochMilli(),
        session.duration().isPresent() ? Math.round(session.duration().getAsDouble() * 1000) : null,
        now,
        DimensionsOf.session(session, Optional.of(envelope)));
  }

  /**
   * One row per bucket. The key is a digest of the item's bytes and the bucket's position, so an
   * SDK that sends the same item again (from its offline cache) is counted once.
   */
  private static List<Write> aggregates(
      Project project,
      EnvelopeItem item,
      SessionAggregates aggregates,
      Records.Dimensions dimensions,
      long now) {
    String digest = digest(item.payload());
    List<Write> writes = new ArrayList<>();
    List<SessionAggregates.Bucket> buckets = aggregates.aggregates();
    for (int b = 0; b < buckets.size(); b++) {
      SessionAggregates.Bucket bucket = buckets.get(b);
      if (bucket.total() == 0) {
        continue; // a bucket of zeros says nothing about health
      }
      writes.add(
          new Records.SessionAggregate(
              project.id(),
              digest + "/" + b,
              bucket.started().toEpochMilli(),
              aggregates.attrs().release(),
              aggregates.attrs().environment().orElse(DEFAULT_ENVIRONMENT),
              bucket.did().orElse(null),
              bucket.exited(),
              bucket.errored(),
              bucket.abnormal(),
              bucket.crashed(),
              now,
              dimensions));
    }
    return writes;
  }

  private Records.Feedback feedback(
      Project project,
      EnvelopeItem item,
      UserFeedback feedback,
      Optional<String> envelopeId,
      long now) {
    // A user_report is one per event, as in Sentry. Feedback without any id is known by its
    // bytes, so a client that sends it again is stored once.
    String id =
        feedback.kind() == UserFeedback.Kind.USER_REPORT
            ? feedback.associatedEventId().orElseThrow()
            : envelopeId.or(feedback::eventId).orElseGet(() -> digest(item.payload()));
    return new Records.Feedback(
        project.id(),
        id,
        feedback.associatedEventId().orElse(null),
        feedback.name().map(scrubber::scrubText).orElse(null),
        feedback.email().map(scrubber::scrubText).orElse(null),
        feedback.message().map(scrubber::scrubText).orElse(""),
        now);
  }

  private Optional<Write> attachment(
      Project project,
      EnvelopeItem item,
      Attachment attachment,
      Optional<String> envelopeId,
      String attachTo,
      boolean eventDropped,
      long now) {
    if (eventDropped) {
      metrics.skipped("attachment", "event_rate_limited");
      return Optional.empty();
    }
    if (attachment.length() > maxAttachmentBytes) {
      metrics.skipped("attachment", "attachment_too_large");
      return Optional.empty();
    }
    String eventId = attachTo != null ? attachTo : envelopeId.orElse(null);
    String filename = attachment.filename().orElse("attachment-" + item.index());
    String key = (eventId == null ? "" : eventId) + "\n" + filename + "\n" + item.index();
    return Optional.of(
        new Records.Attachment(
            project.id(),
            digest(key.getBytes(StandardCharsets.UTF_8)),
            eventId,
            filename,
            attachment.contentType(),
            scrubbedIfText(attachment),
            now));
  }

  /**
   * A text attachment (a log, a JSON dump) is scrubbed like any other text; binary files (a
   * minidump, a screenshot) are kept as sent.
   */
  private byte[] scrubbedIfText(Attachment attachment) {
    String type = attachment.contentType().toLowerCase(java.util.Locale.ROOT);
    byte[] bytes = attachment.bytes();
    boolean text =
        type.startsWith("text/") || type.startsWith("application/json") || type.endsWith("+json");
    if (!text || Utf8.firstInvalidByte(bytes, 0, bytes.length) >= 0) {
      return bytes;
    }
    String original = new String(bytes, StandardCharsets.UTF_8);
    String scrubbed = scrubber.scrubText(original);
    return scrubbed == original ? bytes : scrubbed.getBytes(StandardCharsets.UTF_8);
  }

  private static String write(ObjectNode json) {
    try {
      return Json.mapper().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 32 hex digits of SHA-256. */
  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
