package dev.gonogo.reports.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Interval;
import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verdicts and evidence for the report tests: real load summaries of a smoke run (candidate and
 * baseline, test resources load-summary/), a beta population with realistic hourly health, and
 * findings as the verdict rules phrase them.
 */
final class ReportFixtures {
  static final Release RELEASE =
      new Release("beta-feedback@0.2.0", "beta-feedback@0.1.0", "3f9c2ab1d4e5");
  static final Instant EVALUATED = Instant.parse("2026-12-02T01:00:00Z");
  static final String INGEST = "CrashFloodSimulation / ingest";
  static final String READS = "CrashFloodSimulation / release-health-reads";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFixtures() {}

  static LoadSummary summary(String name) {
    try (InputStream in = ReportFixtures.class.getResourceAsStream("/load-summary/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource load-summary/" + name + " is missing");
      }
      return JSON.readValue(in, LoadSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Evidence evidence() {
    LoadSummary crashFlood = summary("crashfloodsimulation-candidate.json");
    LoadSummary crashFloodBaseline = summary("crashfloodsimulation-baseline.json");
    LoadSummary smoke = summary("smokesimulation-candidate.json");
    return new Evidence(
        RELEASE,
        Input.of(
            "--integration",
            "integration-tests/target/allure-results",
            new IntegrationResults(
                IntegrationResults.Format.ALLURE,
                List.of(
                    new IntegrationResults.TestOutcome(
                        "dev.gonogo.it.DatabaseOutageIT",
                        "ingestRecoversAfterOutage",
                        IntegrationResults.Outcome.PASSED,
                        true,
                        "connection refused on the first attempt",
                        5_310),
                    new IntegrationResults.TestOutcome(
                        "dev.gonogo.it.PostgresHealthIT",
                        "crashFreeRates",
                        IntegrationResults.Outcome.PASSED,
                        false,
                        null,
                        2_040)))),
        List.of(
            Input.of("--load-candidate", "crashfloodsimulation-candidate.json", crashFlood),
            Input.of("--load-candidate", "smokesimulation-candidate.json", smoke)),
        List.of(
            Input.of("--load-baseline", "crashfloodsimulation-baseline.json", crashFloodBaseline)),
        Input.of("--beta", "http://127.0.0.1:8080", betaHealth()));
  }

  /** 24 hourly buckets of about 140 sessions, crash-free around 97 %, against a 99 % floor. */
  static BetaHealth betaHealth() {
    long start = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    List<BetaHealth.Point> series = new ArrayList<>();
    long sessions = 0;
    long crashed = 0;
    for (int hour = 0; hour < 24; hour++) {
      long n = 120 + (hour * 37) % 45;
      long c = 2 + (hour * 7) % 5;
      sessions += n;
      crashed += c;
      series.add(
          new BetaHealth.Point(start + hour * 3_600_000L, totals("beta-feedback@0.2.0", n, c)));
    }
    BetaHealth.Totals candidate = totals("beta-feedback@0.2.0", sessions, crashed);
    BetaHealth.Totals baseline = totals("beta-feedback@0.1.0", 5_120, 31);
    BetaHealth.GateFinding floor =
        new BetaHealth.GateFinding(
            "crash-free-sessions",
            "FAIL",
            candidate.crashFreeSessions(),
            0.99,
            sessions,
            candidate.crashFreeSessionsLow(),
            candidate.crashFreeSessionsHigh(),
            0.95,
            crashFreeReason(candidate),
            List.of());
    List<BetaHealth.Signature> signatures =
        List.of(
            signature("a1f3", "NullPointerException: IngestQueue.drain", "new", 41, 0),
            signature("b7c2", "SQLiteException: database is locked", "spiking", 23, 4),
            signature("c9d0", "OutOfMemoryError: Java heap space", "ongoing", 9, 7),
            signature("d4e8", "IllegalStateException: <session> closed", "regressed", 6, 0));
    return new BetaHealth(
        "http://127.0.0.1:8080",
        "1",
        new BetaHealth.Gate(
            "FAIL",
            "beta-feedback@0.2.0",
            "beta-feedback@0.1.0",
            "given",
            "FAIL — crash-free-sessions: " + crashFreeReason(candidate),
            List.of(floor)),
        candidate,
        baseline,
        series,
        signatures);
  }

  private static BetaHealth.Signature signature(
      String fingerprint, String title, String status, long crashes, long baselineEvents) {
    long first = Instant.parse("2026-12-01T00:12:00Z").toEpochMilli();
    return new BetaHealth.Signature(
        fingerprint,
        title,
        status,
        crashes + 3,
        crashes,
        crashes,
        crashes - 1,
        baselineEvents,
        first,
        first + 80_000_000L);
  }

  static BetaHealth.Totals totals(String release, long sessions, long crashed) {
    double[] wilson = wilson(sessions - crashed, sessions);
    return new BetaHealth.Totals(
        release,
        sessions,
        crashed,
        sessions * 9 / 10,
        crashed,
        crashed + 2,
        (double) (sessions - crashed) / sessions,
        wilson[0],
        wilson[1],
        1 - (double) crashed / (sessions * 9 / 10));
  }

  /** The 95 % Wilson score interval of k successes in n. */
  static double[] wilson(long k, long n) {
    double z = 1.959964;
    double p = (double) k / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    return new double[] {centre - half, centre + half};
  }

  static String crashFreeReason(BetaHealth.Totals t) {
    return String.format(
        java.util.Locale.ROOT,
        "crash-free sessions %.2f %% < 99.00 %% floor (%s, %,d sessions, 95 %% CI %.2f–%.2f %%)",
        t.crashFreeSessions() * 100,
        t.release(),
        t.sessions(),
        t.crashFreeSessionsLow() * 100,
        t.crashFreeSessionsHigh() * 100);
  }

  /** A NO-GO: an ingest p95 SLO breach, a p99 tail regression and the crash-free floor missed. */
  static Verdict noGo() {
    BetaHealth.Totals beta = betaHealth().candidate();
    List<Finding> findings =
        List.of(
            Finding.missingInput(
                "inputs.load-baseline",
                "SmokeSimulation",
                Category.INSUFFICIENT_DATA,
                "no baseline load summary for SmokeSimulation, so its latency was not compared"),
            Finding.go(
                Section.INTEGRATION,
                "integration.all-passed",
                "integration-tests",
                2.0,
                2.0,
                "tests",
                2L,
                null,
                "2 of 2 integration tests passed (1 flaky: DatabaseOutageIT.ingestRecoversAfterOutage)"),
            Finding.notGo(
                Section.LOAD,
                "load.slo.p95",
                INGEST,
                Status.NO_GO,
                Category.SLO_BREACH,
                797.0,
                500.0,
                "ms",
                477L,
                null,
                "ingest: 95th percentile of response time is less than or equal to 500.0 (actual"
                    + " 797 ms; CrashFloodSimulation, 477 requests)"),
            Finding.go(
                Section.LOAD,
                "load.slo.error-rate",
                READS,
                0.0,
                1.0,
                "%",
                80L,
                null,
                "release-health-reads: percentage of failed events is 0.0 % ≤ 1.0 % (80 requests)"),
            Finding.go(
                Section.LOAD,
                "load.baseline.rank-test",
                INGEST,
                0.001,
                0.05,
                "p-value",
                965L,
                new Interval(62.0, 104.0, 0.95, "hodges-lehmann"),
                "ingest latency shift +83 ms is significant (Mann-Whitney p < 0.001) but within the"
                    + " policy's +100 ms allowance"),
            Finding.notGo(
                Section.LOAD,
                "load.baseline.p99-tail",
                INGEST,
                Status.NO_GO,
                Category.PRODUCT_REGRESSION,
                151.0,
                50.0,
                "%",
                965L,
                new Interval(98.0, 210.0, 0.95, "bootstrap"),
                "ingest p99 1,023 ms is 151 % above the baseline's 407 ms (limit +50 %); 95 %"
                    + " bootstrap interval +98..+210 %"),
            Finding.go(
                Section.BETA,
                "beta.sample-size",
                RELEASE.candidate(),
                (double) beta.sessions(),
                1_000.0,
                "sessions",
                beta.sessions(),
                null,
                String.format(
                    java.util.Locale.ROOT, "%,d sessions ≥ 1,000 needed", beta.sessions())),
            Finding.notGo(
                Section.BETA,
                "beta.crash-free-sessions",
                RELEASE.candidate(),
                Status.NO_GO,
                Category.SLO_BREACH,
                beta.crashFreeSessions(),
                0.99,
                "ratio",
                beta.sessions(),
                new Interval(
                    beta.crashFreeSessionsLow(), beta.crashFreeSessionsHigh(), 0.95, "wilson"),
                crashFreeReason(beta)),
            Finding.notGo(
                Section.BETA,
                "beta.new-signatures",
                RELEASE.candidate(),
                Status.INCONCLUSIVE,
                Category.INSUFFICIENT_DATA,
                1.0,
                0.0,
                "signatures",
                41L,
                null,
                "1 new signature with 41 crashes; too few baseline sessions to call it a regression"));
    return Verdict.of(RELEASE, findings, EVALUATED);
  }

  /** A GO of the previous day: everything passed. */
  static Verdict go() {
    return Verdict.of(
        RELEASE,
        List.of(
            Finding.go(
                Section.LOAD,
                "load.slo.p95",
                INGEST,
                183.0,
                500.0,
                "ms",
                488L,
                null,
                "ingest p95 183 ms ≤ 500 ms"),
            Finding.go(
                Section.BETA,
                "beta.crash-free-sessions",
                RELEASE.candidate(),
                0.995,
                0.99,
                "ratio",
                4_210L,
                new Interval(0.992, 0.997, 0.95, "wilson"),
                "crash-free sessions 99.50 % ≥ 99.00 % floor (4,210 sessions)")),
        EVALUATED.minusSeconds(86_400));
  }

  /** Only a missing input: INCONCLUSIVE. */
  static Verdict inconclusive() {
    return Verdict.of(RELEASE, List.of(), EVALUATED);
  }
}
