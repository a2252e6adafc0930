package dev.gonogo.reports.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.allure.Chromium;
import dev.gonogo.reports.allure.ReportServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The release check end to end, without the load suite (that one runs Maven in Maven; the README's
 * main command runs it): a real beta-feedback process on SQLite, the beta populations replayed as
 * Sentry envelopes, the real verdict and a real Allure report.
 */
class ReleaseCheckTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private record Outcome(int exit, String console, JsonNode verdict, Path work) {}

  private static Outcome check(Path work, String... extra) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--repository",
                REPOSITORY.toString(),
                "--out",
                work.toString(),
                "--skip-load",
                "--commit",
                "test"));
    args.addAll(List.of(extra));
    int exit =
        new CommandLine(new CheckCommand(console, java.time.Clock.systemUTC()))
            .execute(args.toArray(String[]::new));
    String text = bytes.toString(StandardCharsets.UTF_8);
    Path json = work.resolve("verdict.json");
    JsonNode verdict = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
    return new Outcome(exit, text, verdict, work);
  }

  private static List<String> rules(JsonNode verdict, String status) {
    List<String> rules = new ArrayList<>();
    for (JsonNode finding : verdict.path("findings")) {
      if (finding.path("status").asText().equals(status)) {
        rules.add(finding.path("rule").asText());
      }
    }
    return rules;
  }

  /**
   * Opens the check's own report in headless Chromium, on the verdict's page, and keeps the
   * screenshot in {@code target/browser/}.
   */
  private static void assertTheReportShows(Path report, String verdictName, String artifact)
      throws Exception {
    Path artifacts =
        Files.createDirectories(
            Path.of(System.getProperty("gonogo.browser.dir", "target/browser")));
    Chromium chromium = Chromium.find(Files.createDirectories(report.resolveSibling("home")));
    String uid = null;
    for (JsonNode node :
        new ObjectMapper()
            .readTree(report.resolve("data/suites.json").toFile())
            .findParents("name")) {
      if (node.path("name").asText().equals(verdictName) && node.has("status")) {
        uid = node.path("uid").asText();
      }
    }
    assertThat(uid)
        .as("the verdict test %s in the report's data/suites.json", verdictName)
        .isNotNull();
    try (ReportServer server = new ReportServer(report)) {
      String url = server.url() + "#testresult/" + uid;
      String dom = chromium.dumpDom(url);
      chromium.screenshot(url, artifacts.resolve(artifact + ".png"));
      assertThat(dom).contains(verdictName, "beta.crash-free-sessions");
    }
  }

  private static String reason(JsonNode verdict, String rule) {
    return finding(verdict, rule).path("reason").asText();
  }

  private static JsonNode finding(JsonNode verdict, String rule) {
    for (JsonNode finding : verdict.path("findings")) {
      if (finding.path("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no finding " + rule + " in " + verdict);
  }

  /** Before any replay or load run: the file is the user's, so it is a usage error. */
  @Test
  void anUnusablePolicy_stopsTheCheckAtOnce_withUsageExit(@TempDir Path dir) throws Exception {
    Path repository = Files.createDirectories(dir.resolve("repository"));
    Files.writeString(
        repository.resolve("release-policy.yaml"),
        Files.readString(REPOSITORY.resolve("release-policy.yaml")) + "\nbogus-section: 1\n");
    Path work = dir.resolve("work");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int exit =
        new CommandLine(new CheckCommand(console, java.time.Clock.systemUTC()))
            .execute("--repository", repository.toString(), "--out", work.toString());

    assertThat(exit).isEqualTo(64);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("bogus-section");
    assertThat(work.resolve("beta-service")).as("no service was started").doesNotExist();
  }

  @Test
  void honestCandidate_isGo_andTheReportIsWritten(@TempDir Path work) throws Exception {
    Outcome outcome = check(work);

    assertThat(outcome.exit()).as(outcome.console()).isZero();
    assertThat(outcome.verdict().path("status").asText()).isEqualTo("GO");
    assertThat(outcome.console())
        .contains("[1/7]", "[7/7]", "demo-app@1.5.0", "GO")
        .contains(work.resolve("report").resolve("index.html").toString());
    assertThat(rules(outcome.verdict(), "GO"))
        .contains("beta.crash-free-sessions", "beta.crash-rate-vs-baseline");
    assertThat(outcome.console())
        .contains("integration was not evaluated", "container suites need Docker");
    assertThat(work.resolve("report/index.html")).isNotEmptyFile();
    assertTheReportShows(
        work.resolve("report"),
        "Release verdict: GO — demo-app@1.5.0 vs demo-app@1.4.0",
        "release-check-go");
  }

  @Test
  void injectedRegression_isNoGo_forTheRightReasons(@TempDir Path work) throws Exception {
    Outcome outcome = check(work, "--inject-regression");

    assertThat(outcome.exit()).as(outcome.console()).isEqualTo(1);
    assertThat(outcome.verdict().path("status").asText()).isEqualTo("NO_GO");
    assertThat(rules(outcome.verdict(), "NO_GO"))
        .contains(
            "beta.crash-free-sessions", "beta.crash-rate-vs-baseline", "beta.new-signature-share");
    assertThat(outcome.console()).contains("NO-GO", "beta.new-signature-share");
    assertTheReportShows(
        work.resolve("report"),
        "Release verdict: NO-GO — demo-app@1.5.0 vs demo-app@1.4.0",
        "release-check-no-go");
    assertThat(reason(outcome.verdict(), "beta.new-signature-share"))
        .contains("ReconnectHandler.onSlowAnswer");
    assertThat(
            finding(outcome.verdict(), "beta.crash-rate-vs-baseline")
                .path("interval")
                .path("confidence")
                .asDouble())
        .as("the level the gate built the interval at (alpha / 2), not the policy's 0.95")
        .isEqualTo(0.975);
  }
}
