package dev.gonogo.reports.read;

import java.util.List;

/**
 * What beta-feedback says about the candidate: its crash gate, evaluated with the release policy
 * file's beta section (POSTed to {@code .../releases/{candidate}/gate}), the candidate's and the
 * baseline's release health, the candidate's crash-free trend and its top signatures.
 *
 * @param server the beta-feedback base URL
 * @param project the project id
 * @param gate the gate's answer
 * @param candidate the candidate's totals
 * @param baseline the baseline's totals; null when the gate had no baseline
 * @param series the candidate's health per hour, oldest first
 * @param topSignatures the candidate's signatures, most crashes first (at most 20)
 */
public record BetaHealth(
    String server,
    String project,
    Gate gate,
    Totals candidate,
    Totals baseline,
    List<Point> series,
    List<Signature> topSignatures) {
  public BetaHealth {
    series = series == null ? List.of() : List.copyOf(series);
    topSignatures = topSignatures == null ? List.of() : List.copyOf(topSignatures);
  }

  /**
   * The gate's answer (docs/api.md, "The gate").
   *
   * @param status PASS, WARN, INSUFFICIENT_DATA or FAIL
   * @param baselineChosen {@code given}, {@code previous} or {@code none}
   */
  public record Gate(
      String status,
      String candidate,
      String baseline,
      String baselineChosen,
      String summary,
      List<GateFinding> findings) {
    public Gate {
      findings = findings == null ? List.of() : List.copyOf(findings);
    }
  }

  /** One gate rule's answer; {@code observed}, {@code threshold}, interval bounds may be null. */
  public record GateFinding(
      String rule,
      String status,
      Double observed,
      Double threshold,
      long sampleSize,
      Double intervalLow,
      Double intervalHigh,
      Double intervalConfidence,
      String reason,
      List<String> details) {
    public GateFinding {
      details = details == null ? List.of() : List.copyOf(details);
    }
  }

  /** A release's (or one bucket's) counts; rates null when there are no sessions (or users). */
  public record Totals(
      String release,
      long sessions,
      long crashedSessions,
      long users,
      long crashedUsers,
      long crashEvents,
      Double crashFreeSessions,
      Double crashFreeSessionsLow,
      Double crashFreeSessionsHigh,
      Double crashFreeUsers) {}

  /** One bucket of the series: its start (epoch ms) and its counts. */
  public record Point(long start, Totals counts) {}

  /** A signature of the candidate (docs/api.md, ".../signatures"). */
  public record Signature(
      String fingerprint,
      String title,
      String status,
      long events,
      long crashEvents,
      long sessions,
      long users,
      long baselineEvents,
      long firstSeen,
      long lastSeen) {}
}
