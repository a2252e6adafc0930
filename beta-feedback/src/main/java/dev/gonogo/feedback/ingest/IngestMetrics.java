package dev.gonogo.feedback.ingest;

import dev.gonogo.feedback.ingest.internal.Plan;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.store.Records.Write;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Counters of the ingestion path, served as Prometheus text on {@code /metrics}. A refusal is
 * tagged with the same stable code its response body and log line carry ({@link
 * RejectReason#code()}), so a dashboard, a log search and a client developer read the same word.
 *
 * <ul>
 *   <li>{@code gonogo_ingest_rejected_total{reason}}: requests refused, by reason code
 *   <li>{@code gonogo_ingest_writes_total{kind, result}}: writes committed ({@code stored}) or
 *       already present ({@code duplicate}), by kind (event, dropped_event, session, ...)
 *   <li>{@code gonogo_ingest_rate_limited_total{scope}}: events counted but not stored
 *   <li>{@code gonogo_ingest_skipped_total{type, reason}}: items read but deliberately not kept
 *   <li>{@code gonogo_ingest_write_backlog}: requests waiting for a commit
 *   <li>{@code gonogo_ingest_inflight_bytes}: request bytes held in progress
 * </ul>
 */
public final class IngestMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public void rejected(RejectReason reason) {
    rejected(reason.code());
  }

  /**
   * A refusal by code, for codes outside {@link RejectReason} such as {@code store_unavailable}.
   */
  public void rejected(String code) {
    Counter.builder("gonogo.ingest.rejected")
        .description("ingest requests refused, by stable reason code")
        .tag("reason", code)
        .register(registry)
        .increment();
  }

  public void rateLimited(String scope) {
    Counter.builder("gonogo.ingest.rate.limited")
        .description("events over a rate limit: counted on their signature, body not stored")
        .tag("scope", scope)
        .register(registry)
        .increment();
  }

  /** An item read but deliberately not kept (unknown type, attachment over the size cap). */
  public void skipped(String type, String reason) {
    Counter.builder("gonogo.ingest.skipped")
        .description("envelope items read but not kept")
        .tag("type", type)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** Counts each write of a committed plan as stored or duplicate. */
  void committed(Plan plan, List<Boolean> applied) {
    List<Write> writes = plan.writes();
    for (int i = 0; i < writes.size(); i++) {
      Counter.builder("gonogo.ingest.writes")
          .description("writes committed, by kind; duplicate = already stored")
          .tag("kind", kind(writes.get(i)))
          .tag("result", applied.get(i) ? "stored" : "duplicate")
          .register(registry)
          .increment();
    }
  }

  /** Registers the write backlog gauge. */
  public void backlog(IntSupplier backlog) {
    Gauge.builder("gonogo.ingest.write.backlog", backlog::getAsInt)
        .description("requests waiting for a commit")
        .register(registry);
  }

  /** Registers the gauge of request bytes held in progress ({@link IngestBudget}). */
  public void inflight(java.util.function.LongSupplier bytes) {
    Gauge.builder("gonogo.ingest.inflight.bytes", bytes::getAsLong)
        .description("decoded request bytes held by requests in progress")
        .baseUnit("bytes")
        .register(registry);
  }

  private static String kind(Write write) {
    // StoredEvent -> stored_event, SessionUpdate -> session_update
    return write
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }
}
