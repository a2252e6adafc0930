package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.EventIds;
import dev.gonogo.feedback.sentry.internal.Fields;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.sentry.internal.Quote;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user wrote, from either wire form:
 *
 * <ul>
 *   <li>{@code user_report} (legacy, still sent by {@code Sentry.captureUserFeedback}): {@code
 *       {event_id, name, email, comments}}. Its {@code event_id} names the error it comments on, so
 *       it is the {@link #associatedEventId()}; {@link #eventId()} is empty.
 *   <li>{@code feedback}: an event whose {@code contexts.feedback} holds {@code message}
 *       (required), {@code contact_email}, {@code name}, {@code url}, {@code associated_event_id}.
 *       {@link #eventId()} is the feedback event's own id. As Sentry does, a missing name or email
 *       is taken from the event's {@code user}.
 * </ul>
 *
 * @param message the comment; empty only for a user_report without comments
 * @param json the payload as sent
 */
public record UserFeedback(
    Kind kind,
    Optional<String> eventId,
    Optional<String> associatedEventId,
    Optional<String> name,
    Optional<String> email,
    Optional<String> message,
    Optional<String> url,
    ObjectNode json)
    implements ItemPayload {

  /** Which wire form it came in. */
  public enum Kind {
    USER_REPORT,
    FEEDBACK
  }

  public UserFeedback {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(associatedEventId, "associatedEventId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Reads a {@code user_report} or {@code feedback} item.
   *
   * @throws RejectedException for user_report: {@code missing_event_id}, {@code invalid_event_id};
   *     for feedback: {@code invalid_feedback} (no contexts.feedback.message), {@code
   *     invalid_event_id}; {@code invalid_json} / {@code invalid_utf8} for both
   * @throws IllegalArgumentException for any other item type
   */
  public static UserFeedback from(EnvelopeItem item) {
    switch (item.itemType()) {
      case USER_REPORT:
        return userReport(item);
      case FEEDBACK:
        return feedback(item);
      default:
        throw new IllegalArgumentException(item.describe() + " is not user feedback");
    }
  }

  private static UserFeedback userReport(EnvelopeItem item) {
    ObjectNode json = item.json();
    Fields f = Fields.of(json, RejectReason.INVALID_FEEDBACK, item.describe());
    if (!f.has("event_id")) {
      throw new RejectedException(
          RejectReason.MISSING_EVENT_ID,
          item.describe() + ": field 'event_id' is missing; a user_report must name its event");
    }
    String associated = eventId(json, "event_id", item.describe());
    return new UserFeedback(
        Kind.USER_REPORT,
        Optional.empty(),
        Optional.of(associated),
        f.text("name"),
        f.text("email"),
        f.text("comments"),
        Optional.empty(),
        json);
  }

  private static UserFeedback feedback(EnvelopeItem item) {
    SentryEvent event = SentryEvent.from(item);
    ObjectNode json = event.json();
    ObjectNode context =
        event
            .context("feedback")
            .orElseThrow(
                () ->
                    new RejectedException(
                        RejectReason.INVALID_FEEDBACK,
                        item.describe() + ": field 'contexts.feedback' is missing"));
    Fields f = Fields.of(context, RejectReason.INVALID_FEEDBACK, item.describe());
    String message =
        f.text("message")
            .filter(m -> !m.isBlank())
            .orElseThrow(() -> f.invalid("message", "is missing or blank (in contexts.feedback)"));
    Optional<String> associated =
        context.hasNonNull("associated_event_id")
            ? Optional.of(eventId(context, "associated_event_id", item.describe()))
            : Optional.empty();
    Optional<SentryEvent.User> user = event.user();
    return new UserFeedback(
        Kind.FEEDBACK,
        event.eventId(),
        associated,
        f.text("name").or(() -> user.flatMap(SentryEvent.User::username)),
        f.text("contact_email").or(() -> user.flatMap(SentryEvent.User::email)),
        Optional.of(message),
        f.text("url"),
        json);
  }

  private static String eventId(ObjectNode json, String field, String where) {
    String raw = Json.text(json, field).orElse(null);
    return EventIds.normalize(raw)
        .orElseThrow(
            () ->
                new RejectedException(
                    RejectReason.INVALID_EVENT_ID,
                    where
                        + ": field '"
                        + field
                        + "' is "
                        + (raw == null ? Json.describe(json.get(field)) : Quote.of(raw))
                        + ", expected 32 hex digits or a UUID"));
  }
}
