package dev.gonogo.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.reports.verdict.Verdict;
import dev.gonogo.reports.write.Folders;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a release manager sees it: real results (yesterday's GO, then today's NO-GO with an
 * SLO breach and a crash-free failure) generated into a real report, served on loopback and opened
 * in headless Chromium. Screenshots stay in {@code reports/target/browser/}.
 */
class AllureReportBrowserTest {
  private static final String NO_GO_NAME =
      "Release verdict: NO-GO — beta-feedback@0.2.0 vs beta-feedback@0.1.0";

  @TempDir static Path temp;
  private static Path artifacts;
  private static Path report;
  private static Chromium chromium;

  @BeforeAll
  static void generateTwoRuns() throws IOException {
    chromium = Chromium.find(Files.createDirectories(temp.resolve("home")));
    artifacts = Path.of(System.getProperty("gonogo.browser.dir", "target/browser"));
    Files.createDirectories(artifacts);
    report = artifacts.resolve("report");
    Folders.delete(report); // a report of an earlier build would add its runs to the history
    Path yesterday = temp.resolve("results-go");
    write(ReportFixtures.go(), yesterday);
    AllureReport.generate(AllureHome.unpacked(), List.of(yesterday), report);
    Path today = temp.resolve("results-no-go");
    write(ReportFixtures.noGo(), today);
    AllureReport.generate(AllureHome.unpacked(), List.of(today), report);
  }

  private static void write(Verdict verdict, Path dir) {
    AllureResults.write(
        verdict, ReportFixtures.evidence(), dir, ReportEnvironment.of(verdict.release(), Map.of()));
  }

  @Test
  void suitesPage_showsTheNoGoVerdictFirst_andTheLoadGroups() throws Exception {
    try (ReportServer server = new ReportServer(report)) {
      String dom = chromium.dumpDom(server.url() + "#suites");
      keep("suites.html", dom);
      Path png = chromium.screenshot(server.url() + "#suites", artifacts.resolve("suites.png"));
      attach("suites", png);

      assertThat(dom).contains("0 · Release verdict", "1 · Load", "2 · Beta health");
    }
  }

  @Test
  void verdictPage_namesNoGo_withItsReasons() throws Exception {
    String uid = uidOf(NO_GO_NAME);
    try (ReportServer server = new ReportServer(report)) {
      String url = server.url() + "#testresult/" + uid;
      String dom = chromium.dumpDom(url);
      keep("verdict.html", dom);
      Path png = chromium.screenshot(url, artifacts.resolve("verdict.png"));
      attach("verdict", png);

      assertThat(dom).contains(NO_GO_NAME, "load.slo.p95", "beta.crash-free-sessions");
    }
  }

  @Test
  void loadGroupPage_showsTheRegressionAndItsAttachments() throws Exception {
    String uid = uidOf("CrashFloodSimulation / ingest");
    try (ReportServer server = new ReportServer(report)) {
      String url = server.url() + "#testresult/" + uid;
      String dom = chromium.dumpDom(url);
      keep("load-ingest.html", dom);
      Path png = chromium.screenshot(url, artifacts.resolve("load-ingest.png"));
      attach("load ingest", png);

      assertThat(dom)
          .contains(
              "CrashFloodSimulation / ingest", "Product regression", "Response time by percentile");
    }
  }

  @Test
  void overview_showsTheTrendOfTwoRuns() throws Exception {
    try (ReportServer server = new ReportServer(report)) {
      String dom = chromium.dumpDom(server.url());
      keep("overview.html", dom);
      Path png = chromium.screenshot(server.url(), artifacts.resolve("overview.png"));
      attach("overview", png);

      assertThat(WrittenResults.json(report.resolve("widgets/history-trend.json"))).hasSize(2);
      assertThat(dom).contains("SLO breach", "Trend");
    }
  }

  /** The generated report's uid of the test named {@code name} (from data/suites.json). */
  private static String uidOf(String name) {
    JsonNode suites = WrittenResults.json(report.resolve("data/suites.json"));
    List<JsonNode> matches =
        suites.findParents("name").stream()
            .filter(n -> n.path("name").asText().equals(name) && n.has("status"))
            .toList();
    assertThat(matches).as("tests named %s in data/suites.json", name).hasSize(1);
    return matches.get(0).path("uid").asText();
  }

  private static void keep(String name, String dom) throws IOException {
    Files.writeString(artifacts.resolve(name), dom, StandardCharsets.UTF_8);
  }

  private static void attach(String name, Path png) throws IOException {
    try (InputStream in = Files.newInputStream(png)) {
      Allure.addAttachment("screenshot: " + name, "image/png", in, "png");
    }
  }
}
