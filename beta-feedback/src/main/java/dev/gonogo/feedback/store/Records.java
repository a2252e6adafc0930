package dev.gonogo.feedback.store;

import java.util.Objects;

/** What the ingest path hands the store: validated, scrubbed, ready to write. */
public final class Records {
  private Records() {}

  /** A write the store applies; all writes of one request commit together or not at all. */
  public sealed interface Write
      permits StoredEvent,
          DroppedEvent,
          SessionUpdate,
          SessionAggregate,
          Feedback,
          Attachment,
          ClientReport {}

  /** A crash or error event whose body is stored. Re-sent event ids are stored once. */
  public record StoredEvent(
      String projectId,
      String eventId,
      long receivedAt,
      long occurredAt,
      String release,
      String environment,
      String platform,
      String level,
      boolean crash,
      String fingerprint,
      String title,
      String userId,
      String body)
      implements Write {
    public StoredEvent {
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * An event past a rate limit: counted on its signature, body not stored. Not counted when an
   * event with its id is already stored (a re-send of an accepted event).
   */
  public record DroppedEvent(
      String projectId,
      String eventId,
      String fingerprint,
      String title,
      String release,
      String environment,
      long receivedAt)
      implements Write {}

  /** One update of a session (Sentry {@code session} item). */
  public record SessionUpdate(
      String projectId,
      String sid,
      String did,
      String release,
      String environment,
      String status,
      int errors,
      long seq,
      boolean init,
      long started,
      Long durationMs,
      long receivedAt)
      implements Write {}

  /** One bucket of a Sentry {@code sessions} aggregate item. */
  public record SessionAggregate(
      String projectId,
      String itemKey,
      long bucket,
      String release,
      String environment,
      String did,
      long exited,
      long errored,
      long abnormal,
      long crashed,
      long receivedAt)
      implements Write {}

  /** A beta user's comment, linked to its crash when it names one. */
  public record Feedback(
      String projectId,
      String feedbackId,
      String eventId,
      String name,
      String email,
      String message,
      long receivedAt)
      implements Write {}

  public record Attachment(
      String projectId,
      String attachmentId,
      String eventId,
      String filename,
      String contentType,
      byte[] body,
      long receivedAt)
      implements Write {}

  /** One entry of an SDK's client report; the key makes a re-sent report count once. */
  public record ClientReport(
      String projectId,
      String reportKey,
      long receivedAt,
      String reason,
      String category,
      long quantity)
      implements Write {}
}
