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

  /**
   * What release health breaks its figures down by; {@code ""} where the client did not say.
   *
   * @param platform e.g. {@code java}, {@code cocoa}, {@code javascript}
   * @param os name and version, e.g. {@code Android 14}
   * @param device device model, e.g. {@code Pixel 8}
   * @param appVersion the app's version, e.g. {@code 1.4.0} of release {@code my-app@1.4.0+812}
   */
  public record Dimensions(String platform, String os, String device, String appVersion) {
    public static final Dimensions UNKNOWN = new Dimensions("", "", "", "");

    public Dimensions {
      platform = platform == null ? "" : platform;
      os = os == null ? "" : os;
      device = device == null ? "" : device;
      appVersion = appVersion == null ? "" : appVersion;
    }
  }

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
      String body,
      Dimensions dimensions)
      implements Write {
    public StoredEvent(
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
        String body) {
      this(
          projectId,
          eventId,
          receivedAt,
          occurredAt,
          release,
          environment,
          platform,
          level,
          crash,
          fingerprint,
          title,
          userId,
          body,
          new Dimensions(platform, "", "", ""));
    }

    public StoredEvent {
      Objects.requireNonNull(dimensions, "dimensions");
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
      long receivedAt,
      boolean crash,
      String userId,
      Dimensions dimensions)
      implements Write {
    public DroppedEvent(
        String projectId,
        String eventId,
        String fingerprint,
        String title,
        String release,
        String environment,
        long receivedAt) {
      this(
          projectId,
          eventId,
          fingerprint,
          title,
          release,
          environment,
          receivedAt,
          false,
          null,
          Dimensions.UNKNOWN);
    }
  }

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
      long receivedAt,
      Dimensions dimensions)
      implements Write {
    public SessionUpdate(
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
        long receivedAt) {
      this(
          projectId,
          sid,
          did,
          release,
          environment,
          status,
          errors,
          seq,
          init,
          started,
          durationMs,
          receivedAt,
          Dimensions.UNKNOWN);
    }

    public SessionUpdate {
      Objects.requireNonNull(dimensions, "dimensions");
    }
  }

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
      long receivedAt,
      Dimensions dimensions)
      implements Write {
    public SessionAggregate(
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
        long receivedAt) {
      this(
          projectId,
          itemKey,
          bucket,
          release,
          environment,
          did,
          exited,
          errored,
          abnormal,
          crashed,
          receivedAt,
          Dimensions.UNKNOWN);
    }

    public SessionAggregate {
      Objects.requireNonNull(dimensions, "dimensions");
    }
  }

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
