package dev.gonogo.feedback.sentry;

/**
 * The typed payload of an envelope item. Dispatch with {@code instanceof}:
 *
 * <pre>{@code
 * for (EnvelopeItem item : envelope.items()) {
 *   ItemPayload payload = ItemPayload.parse(item);
 *   if (payload instanceof SentryEvent event) { ... }
 *   else if (payload instanceof SessionUpdate session) { ... }
 *   else if (payload instanceof OtherItem other) { skip, count other.type() }
 * }
 * }</pre>
 */
public sealed interface ItemPayload
    permits SentryEvent,
        SessionUpdate,
        SessionAggregates,
        ClientReport,
        UserFeedback,
        Attachment,
        OtherItem {

  /**
   * The typed view of an item: {@code event} → {@link SentryEvent}, {@code session} → {@link
   * SessionUpdate}, {@code sessions} → {@link SessionAggregates}, {@code client_report} → {@link
   * ClientReport}, {@code user_report} and {@code feedback} → {@link UserFeedback}, {@code
   * attachment} → {@link Attachment}, anything else → {@link OtherItem}.
   *
   * @throws RejectedException when a known type's payload is invalid; the detail names the item and
   *     field
   */
  static ItemPayload parse(EnvelopeItem item) {
    switch (item.itemType()) {
      case EVENT:
        return SentryEvent.from(item);
      case SESSION:
        return SessionUpdate.from(item);
      case SESSIONS:
        return SessionAggregates.from(item);
      case CLIENT_REPORT:
        return ClientReport.from(item);
      case USER_REPORT:
      case FEEDBACK:
        return UserFeedback.from(item);
      case ATTACHMENT:
        return Attachment.from(item);
      default:
        return new OtherItem(item);
    }
  }
}
