package dev.gonogo.load.bench.payload;

import java.util.Objects;

/**
 * A gzip'd Sentry envelope ready to send.
 *
 * @param eventId the event id the service must answer with; empty for envelopes without an event
 * @param body the request body, gzip'd ({@code Content-Encoding: gzip})
 */
public record Envelope(String eventId, byte[] body) {
  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(body, "body");
  }
}
