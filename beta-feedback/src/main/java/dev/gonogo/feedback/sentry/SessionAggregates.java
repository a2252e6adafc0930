package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code sessions} item: closed sessions pre-aggregated by the SDK (request mode), counted per
 * start bucket and distinct id. Counts not sent are 0.
 *
 * @param aggregates the buckets in the order sent; may be empty
 * @param json the payload as sent
 */
public record SessionAggregates(SessionAttributes attrs, List<Bucket> aggregates, ObjectNode json)
    implements ItemPayload {

  public SessionAggregates {
    Objects.requireNonNull(attrs, "attrs");
    aggregates = List.copyOf(aggregates);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One bucket.
   *
   * @param started the bucket's start, rounded down to the minute by the SDK
   * @param exited sessions that exited without errors
   * @param errored sessions that exited with errors
   * @param abnormal sessions that ended abnormally
   * @param crashed sessions that crashed
   */
  public record Bucket(
      Instant started,
      Optional<String> did,
      long exited,
      long errored,
      long abnormal,
      long crashed) {

    public Bucket {
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(did, "did");
      if (exited < 0 || errored < 0 || abnormal < 0 || crashed < 0) {
        throw new IllegalArgumentException("session counts must be >= 0");
      }
    }

    /** All sessions of the bucket; a bucket of zeros has none (no health can be derived). */
    public long total() {
      return exited + errored + abnormal + crashed;
    }
  }

  /**
   * Reads and validates a sessions item.
   *
   * @throws RejectedException {@code invalid_session} naming the field, e.g. {@code
   *     aggregates[1].crashed}, or {@code invalid_json} / {@code invalid_utf8}
   */
  public static SessionAggregates from(EnvelopeItem item) {
    ObjectNode json = item.json();
    Fields f = Fields.of(json, RejectReason.INVALID_SESSION, item.describe());
    SessionAttributes attrs = SessionAttributes.read(f);
    if (!f.has("aggregates")) {
      throw f.invalid("aggregates", "is missing");
    }
    List<Bucket> buckets =
        f.objects("aggregates").stream()
            .map(
                b ->
                    new Bucket(
                        b.requiredTimestamp("started"),
                        b.scalarText("did"),
                        b.nonNegativeLong("exited", 0),
                        b.nonNegativeLong("errored", 0),
                        b.nonNegativeLong("abnormal", 0),
                        b.nonNegativeLong("crashed", 0)))
            .toList();
    return new SessionAggregates(attrs, buckets, json);
  }

  /** Sum over buckets; 0 for no buckets. */
  public long totalSessions() {
    return aggregates.stream().mapToLong(Bucket::total).sum();
  }
}
