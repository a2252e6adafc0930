package dev.gonogo.load.sim;

/**
 * Gatling group names the simulations use; the release policy's {@code load.slos} entries name them
 * ({@code all} stands for every request). Each group execution holds one request, so a group's
 * response time is that request's.
 */
public final class Groups {
  /** Envelopes the apps send: session updates and crash events. */
  public static final String INGEST = "ingest";

  /** The read API a release manager's dashboard calls. */
  public static final String READS = "release-health-reads";

  /** One-off checks after a run (e.g. that rate-limited crashes were counted); no SLO. */
  public static final String CHECKS = "checks";

  private Groups() {}
}
