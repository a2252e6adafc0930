package dev.gonogo.load.bench;

/**
 * The closed phases of the ingest benchmark, in the order they run, with the request name each
 * reports under in Gatling's statistics; the open fixed-rate phases that follow them are named by
 * {@link #fixedRateKey} and {@link #fixedRateRequest}.
 */
public enum BenchPhase {
  /**
   * The four measured loops side by side at the closed-phase concurrency, not reported: both JVMs
   * compile each code path before it is measured.
   */
  WARM_UP("warm-up", "warm-up"),
  /** POST /bench/noop with event envelopes: the raw HTTP limit for ~3 KB bodies. */
  NOOP_EVENT_BODY("noop-event-body", "noop (event body)"),
  /** Event envelopes, each answered 200 only after its commit. */
  EVENTS("events", "event"),
  /** POST /bench/noop with session envelopes: the raw HTTP limit for ~300 B bodies. */
  NOOP_SESSION_BODY("noop-session-body", "noop (session body)"),
  /** A session's first update, then its last, per iteration. */
  SESSIONS("sessions", "session");

  private final String key;
  private final String request;

  BenchPhase(String key, String request) {
    this.key = key;
    this.request = request;
  }

  /** Stable key of the phase in bench-run.properties and resources.tsv. */
  public String key() {
    return key;
  }

  /** Name of the phase's requests in the Gatling report. */
  public String request() {
    return request;
  }

  /** Key of the open phase injecting {@code rate} users per second, one event each. */
  public static String fixedRateKey(int rate) {
    return "events-at-" + rate;
  }

  /** Name of that phase's requests in the Gatling report. */
  public static String fixedRateRequest(int rate) {
    return "event at " + rate + "/s";
  }
}
