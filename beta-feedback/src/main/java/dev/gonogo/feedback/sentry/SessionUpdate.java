package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.Fields;
import dev.gonogo.feedback.sentry.internal.Quote;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A {@code session} item: the whole state of one release-health session at one moment. The latest
 * update of a session holds its state; {@code init} marks the first.
 *
 * @param sid the session id; see {@link #from} for the one case where the protocol lets it be
 *     omitted
 * @param did distinct (device or user) id; numbers read as text
 * @param init true on the first update of the session
 * @param seq logical clock; empty when not sent (Sentry then uses the receive time in ms)
 * @param timestamp when this update was made; empty when not sent (use the receive time)
 * @param started when the session started
 * @param duration seconds so far; empty when not sent
 * @param status {@code ok} when not sent
 * @param errors errors seen in the session, 0 when not sent. A crashed session should count its
 *     crash; Sentry treats a crashed session with 0 errors as 1
 * @param json the payload as sent, unknown fields included
 */
public record SessionUpdate(
    UUID sid,
    Optional<String> did,
    boolean init,
    OptionalLong seq,
    Optional<Instant> timestamp,
    Instant started,
    OptionalDouble duration,
    SessionStatus status,
    long errors,
    SessionAttributes attrs,
    Optional<String> abnormalMechanism,
    ObjectNode json)
    implements ItemPayload {

  public SessionUpdate {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(did, "did");
    Objects.requireNonNull(seq, "seq");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(attrs, "attrs");
    Objects.requireNonNull(abnormalMechanism, "abnormalMechanism");
    Objects.requireNonNull(json, "json");
    if (errors < 0) {
      throw new IllegalArgumentException("errors must be >= 0, got " + errors);
    }
  }

  /**
   * Reads and validates a session update.
   *
   * <p>{@code sid} is required, except that the protocol lets a client omit it for a session sent
   * once, already {@code exited} with {@code init: true}; such a session gets a name-based UUID
   * from its payload bytes, so a resent payload keeps its id.
   *
   * @throws RejectedException {@code invalid_session} naming the field (missing {@code
   *     attrs.release} or {@code started}, an unknown status, a negative count, a sid that is not a
   *     UUID), or {@code invalid_json} / {@code invalid_utf8}
   */
  public static SessionUpdate from(EnvelopeItem item) {
    ObjectNode json = item.json();
    Fields f = Fields.of(json, RejectReason.INVALID_SESSION, item.describe());
    boolean init = f.bool("init", false);
    SessionStatus status =
        f.text("status")
            .map(
                s ->
                    SessionStatus.of(s)
                        .orElseThrow(
                            () ->
                                f.invalid(
                                    "status",
                                    "is "
                                        + Quote.of(s)
                                        + ", expected ok, exited, crashed, abnormal or errored")))
            .orElse(SessionStatus.OK);
    UUID sid =
        !f.has("sid") && init && status == SessionStatus.EXITED
            ? UUID.nameUUIDFromBytes(item.payload())
            : f.requiredUuid("sid");
    return new SessionUpdate(
        sid,
        f.scalarText("did"),
        init,
        f.nonNegativeLong("seq"),
        f.timestamp("timestamp"),
        f.requiredTimestamp("started"),
        f.nonNegativeDouble("duration"),
        status,
        f.nonNegativeLong("errors", 0),
        SessionAttributes.read(f),
        f.text("abnormal_mechanism"),
        json);
  }

  /** Whether the session ended: every status but {@code ok} is terminal. */
  public boolean isTerminal() {
    return status != SessionStatus.OK;
  }

  /**
   * Unhealthy for release health: crashed, abnormal, errored, or any errors counted. Crashed and
   * abnormal sessions are errored too; dashboards subtract them from the errored count.
   */
  public boolean isErrored() {
    return errors > 0 || status != SessionStatus.OK && status != SessionStatus.EXITED;
  }

  /** A compact form for logs; the payload bytes are not included. */
  @Override
  public String toString() {
    return "SessionUpdate[sid="
        + sid
        + ", init="
        + init
        + ", status="
        + status.wireName()
        + ", errors="
        + errors
        + ", release="
        + attrs.release()
        + ", started="
        + started
        + "]";
  }
}
