package dev.gonogo.feedback.sentry;

import java.util.Objects;

/**
 * An item this service does not read (transaction, profile, replay, check_in, log, an unknown
 * type). The protocol asks receivers to skip such items gracefully, never to fail the envelope.
 */
public record OtherItem(EnvelopeItem item) implements ItemPayload {
  public OtherItem {
    Objects.requireNonNull(item, "item");
  }

  public String type() {
    return item.type();
  }
}
