package dev.gonogo.load.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.load.bench.report.GatlingReport.RequestStats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  @Test
  void golden_rowsUseEachPhasesOwnWindow_andCompareWithTheNoopOfTheSameBody() {
    Path dir = GatlingReportTest.golden();
    String md =
        new BenchReport(
                dir,
                GatlingReport.read(dir),
                BenchReport.properties(dir.resolve("bench-run.properties")))
            .markdown();

    assertThat(md)
        .contains("| noop, event body | 7,695 | 0.00 | 3,778 | 17 | 39 | 68 | (limit) |")
        .contains("| events | 1,464 | 0.00 | 708 | 88 | 161 | 202 | 19 % |")
        .contains("| session updates | 5,750 | 0.00 | 2,833 | 22 | 35 | 43 | 34 % |")
        .contains("| events, 400/s offered | 800 | 0.00 | 399 |")
        .contains("- events >= 50 % of the raw limit: 19 % (708 of 3,778 requests/s): MISSED")
        .contains("- sessions >= 80 % of the raw limit: 34 %")
        .contains("RSS max 761 MB: sustained (the target is set at 5,000/s)")
        .contains("2,868 events acknowledged with 200, 2,868 stored")
        .contains("every acknowledged event is stored")
        .contains("candidate JVM options: none (JVM defaults)");
  }

  @Test
  void targets_metWhenEachPhaseReachesItsShareOfTheNoop_andMemoryStaysUnderAtTheTargetRate() {
    String md = report(6_000, 9_000, 5_000, 4_999 * 20, 250).markdown();

    assertThat(md)
        .contains("events >= 50 % of the raw limit: 60 %")
        .contains("): met")
        .contains("sessions >= 80 % of the raw limit: 90 %")
        .contains("RSS max 250 MB: met");
  }

  @Test
  void targetRateNotSustained_cannotJudgeTheMemoryTarget() {
    String md = report(1_000, 3_000, 5_000, 2_000, 250).markdown();

    assertThat(md)
        .contains("RSS max 250 MB: 5,000/s NOT SUSTAINED")
        .doesNotContain("MB: met")
        .contains("- failures at 5,000/s offered: 98,000 x status.find.is(200), found 503");
  }

  @Test
  void memoryOverTheTargetAtTheTargetRate_isMissed() {
    assertThat(report(1_000, 3_000, 5_000, 100_000, 301).markdown())
        .contains("RSS max 301 MB: MISSED");
  }

  @Test
  void runRecordWithoutAPhaseWindow_failsNamingTheKey() {
    BenchReport report = report(1_000, 3_000, 5_000, 100_000, 250);
    report.run().remove("phase.events.window-seconds");

    assertThatThrownBy(report::markdown)
        .hasMessageContaining("phase.events.window-seconds")
        .hasMessageContaining("cut short");
  }

  /**
   * Noop at 10,000 requests/s for both bodies (200,000 in 20 s), events and sessions at the given
   * rates, one fixed-rate phase of 20 s at {@code rate} with {@code ok} answers.
   */
  private static BenchReport report(
      int eventsPerSecond, int sessionsPerSecond, int rate, long ok, double rssMb) {
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    Properties run = new Properties();
    phase(requests, run, "noop-event-body", "noop (event body)", 200_000, 0);
    phase(requests, run, "events", "event", eventsPerSecond * 20L, 0);
    phase(requests, run, "noop-session-body", "noop (session body)", 200_000, 0);
    phase(requests, run, "sessions", "session", sessionsPerSecond * 20L, 0);
    long users = rate * 20L;
    phase(requests, run, "events-at-" + rate, "event at " + rate + "/s", ok, users - ok);
    run.setProperty("run.fixed-rates", Integer.toString(rate));
    run.setProperty("phase.events-at-" + rate + ".users", Long.toString(users));
    run.setProperty("phase.events-at-" + rate + ".rss-max-mb", Double.toString(rssMb));
    return new BenchReport(Path.of("synthetic"), requests, run);
  }

  private static void phase(
      Map<String, RequestStats> requests,
      Properties run,
      String key,
      String request,
      long ok,
      long ko) {
    requests.put(
        request,
        new RequestStats(
            request,
            ok + ko,
            ok,
            ko,
            OptionalDouble.of(5),
            OptionalDouble.of(10),
            OptionalDouble.of(20),
            OptionalDouble.of(30),
            ko == 0 ? Map.of() : Map.of("status.find.is(200), found 503", ko)));
    run.setProperty("phase." + key + ".request", request);
    run.setProperty("phase." + key + ".window-seconds", "20.0");
  }
}
