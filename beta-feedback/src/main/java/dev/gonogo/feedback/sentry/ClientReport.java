package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code client_report} item: what the SDK dropped before sending, and why. It is how a silent
 * beta (zero crashes received) can be told from one whose SDK discarded its crashes.
 *
 * @param timestamp when the report was made; empty when not sent (use the receive time)
 * @param discardedEvents may be empty
 */
public record ClientReport(
    Optional<Instant> timestamp, List<Discarded> discardedEvents, ObjectNode json)
    implements ItemPayload {

  public ClientReport {
    Objects.requireNonNull(timestamp, "timestamp");
    discardedEvents = List.copyOf(discardedEvents);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One outcome.
   *
   * @param reason e.g. {@code queue_overflow}, {@code ratelimit_backoff}, {@code before_send},
   *     {@code network_error}; kept as sent, new reasons appear over time
   * @param category the rate-limit data category, e.g. {@code error}, {@code session}
   */
  public record Discarded(String reason, String category, long quantity) {
    public Discarded {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(category, "category");
      if (quantity < 0) {
        throw new IllegalArgumentException("quantity must be >= 0, got " + quantity);
      }
    }
  }

  /**
   * @throws RejectedException {@code invalid_client_report} naming the field, or {@code
   *     invalid_json} / {@code invalid_utf8}
   */
  public static ClientReport from(EnvelopeItem item) {
    ObjectNode json = item.json();
    Fields f = Fields.of(json, RejectReason.INVALID_CLIENT_REPORT, item.describe());
    List<Discarded> discarded =
        f.objects("discarded_events").stream()
            .map(
                d ->
                    new Discarded(
                        d.requiredText("reason"),
                        d.requiredText("category"),
                        d.nonNegativeLong("quantity")
                            .orElseThrow(() -> d.invalid("quantity", "is missing"))))
            .toList();
    return new ClientReport(f.timestamp("timestamp"), discarded, json);
  }

  /** Sum of quantities in one category, e.g. "error"; 0 when none. */
  public long discarded(String category) {
    return discardedEvents.stream()
        .filter(d -> d.category().equals(category))
        .mapToLong(Discarded::quantity)
        .sum();
  }
}
