package dev.gonogo.reports.allure;

import static dev.gonogo.reports.allure.WrittenResults.label;
import static dev.gonogo.reports.allure.WrittenResults.labels;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllureResultsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T01:05:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> GITHUB =
      Map.of(
          "GITHUB_SERVER_URL", "https://github.com",
          "GITHUB_REPOSITORY", "gonogo-dev/gonogo",
          "GITHUB_RUN_ID", "9182736455",
          "GITHUB_RUN_NUMBER", "42",
          "GITHUB_WORKFLOW", "release");

  @TempDir static Path shared;
  @TempDir Path dir;
  private static WrittenResults results;

  /** The NO-GO is written once; the tests only read it. */
  @BeforeAll
  static void writeNoGo() throws IOException {
    Path verdictJson = shared.resolve("verdict.json");
    Files.writeString(verdictJson, "{\"status\": \"NO_GO\"}");
    Verdict verdict = ReportFixtures.noGo();
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        shared.resolve("results"),
        ReportEnvironment.of(verdict.release(), GITHUB),
        verdictJson,
        CLOCK);
    results = WrittenResults.read(shared.resolve("results"));
  }

  @Test
  void verdictTest_isNamedWithStatusAndReleases_sortsFirst_andFailsForNoGo() {
    JsonNode verdict = results.tests().get(0);

    assertThat(verdict.path("name").asText())
        .isEqualTo("Release verdict: NO-GO — beta-feedback@0.2.0 vs beta-feedback@0.1.0");
    assertThat(verdict.path("status").asText()).isEqualTo("failed");
    assertThat(label(verdict, "suite")).isEqualTo("0 · Release verdict");
    assertThat(label(verdict, "parentSuite")).isEqualTo("gonogo");
    assertThat(label(verdict, "severity")).isEqualTo("blocker");
    assertThat(verdict.path("statusDetails").path("message").asText())
        .startsWith("[SLO breach] NO-GO — load.slo.p95: ingest: 95th percentile of response time");
  }

  @Test
  void verdictTest_describesEveryFinding_andHasOneStepEach() {
    JsonNode verdict = results.tests().get(0);
    String html = verdict.path("descriptionHtml").asText();

    assertThat(verdict.path("steps")).hasSize(ReportFixtures.noGo().findings().size());
    for (var finding : ReportFixtures.noGo().findings()) {
      assertThat(html).contains(finding.rule());
    }
    assertThat(html).contains("% &lt; 99.00 % floor").doesNotContain("% < 99.00");
    assertThat(verdict.path("steps").get(2).path("status").asText()).isEqualTo("failed");
    assertThat(verdict.path("steps").get(2).path("name").asText())
        .isEqualTo(
            "NO-GO · load.slo.p95 (CrashFloodSimulation / ingest): ingest: 95th percentile of"
                + " response time is less than or equal to 500.0 (actual 797 ms;"
                + " CrashFloodSimulation, 477 requests)");
  }

  @Test
  void verdictTest_attachesVerdictJson_whenGiven() throws IOException {
    Path json = results.attachment(results.tests().get(0), "verdict.json");

    assertThat(Files.readString(json)).isEqualTo("{\"status\": \"NO_GO\"}");
  }

  static Stream<Arguments> expectedTests() {
    return Stream.of(
        Arguments.of("SLO p95 — CrashFloodSimulation / ingest", "failed", "SLO breach", "1 · Load"),
        Arguments.of(
            "SLO error-rate — CrashFloodSimulation / release-health-reads",
            "passed",
            null,
            "1 · Load"),
        Arguments.of("CrashFloodSimulation / ingest", "failed", "Product regression", "1 · Load"),
        Arguments.of("CrashFloodSimulation / checks", "passed", null, "1 · Load"),
        Arguments.of("CrashFloodSimulation / release-health-reads", "passed", null, "1 · Load"),
        Arguments.of("SmokeSimulation / all requests", "passed", null, "1 · Load"),
        Arguments.of("Beta gate: crash-free-sessions", "failed", "SLO breach", "2 · Beta health"),
        Arguments.of("Beta gate: sample-size", "passed", null, "2 · Beta health"),
        Arguments.of("Beta gate: new-signatures", "broken", "Insufficient data", "2 · Beta health"),
        Arguments.of("Integration suites", "passed", null, "3 · Integration"),
        Arguments.of(
            "Input inputs.load-baseline — SmokeSimulation",
            "broken",
            "Insufficient data",
            "4 · Inputs"));
  }

  @ParameterizedTest(name = "{0}: {1}, category {2}")
  @MethodSource("expectedTests")
  void eachFinding_becomesItsTest_withStatusSuiteAndCategory(
      String name, String status, String category, String suite) {
    JsonNode test = results.named(name);

    assertThat(test.path("status").asText()).isEqualTo(status);
    assertThat(label(test, "suite")).isEqualTo(suite);
    assertThat(label(test, "parentSuite")).isEqualTo("gonogo");
    assertThat(label(test, "feature")).isEqualTo(suite.substring(4));
    assertThat(label(test, "severity")).isEqualTo("critical");
    assertThat(test.path("historyId").asText()).isNotBlank();
    if (category == null) {
      assertThat(labels(test, "tag")).isEmpty();
    } else {
      assertThat(labels(test, "tag")).containsExactly(category);
      assertThat(test.path("statusDetails").path("message").asText())
          .startsWith("[" + category + "] ");
    }
  }

  @Test
  void everyTest_isOneOfTheExpected_plusTheVerdict() {
    assertThat(results.tests()).hasSize((int) expectedTests().count() + 1);
  }

  @Test
  void tests_sortBySection_verdictLoadBetaIntegrationInputs() {
    List<String> suites = results.tests().stream().map(t -> label(t, "suite")).toList();

    assertThat(suites).isSortedAccordingTo(String::compareTo);
  }

  @Test
  void loadGroupTest_attachesStatsTableWithBaseline_andPercentileChart() throws IOException {
    JsonNode ingest = results.named("CrashFloodSimulation / ingest");

    String html = Files.readString(results.attachment(ingest, "Statistics"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("ingest / crash event", "candidate", "baseline", "p99", "error %")
        .contains("load.baseline.p99-tail", "98–210 % (95 % bootstrap)");
    assertPng(results.attachment(ingest, "Response time by percentile"));
    assertThat(ingest.path("steps")).hasSize(2);
    assertThat(ingest.path("statusDetails").path("message").asText())
        .startsWith("[Product regression] ingest p99 1,023 ms is 151 % above");
  }

  @Test
  void loadGroupTest_withoutBaseline_saysSo() throws IOException {
    JsonNode smoke = results.named("SmokeSimulation / all requests");

    assertThat(smoke.path("statusDetails").path("message").asText())
        .contains("no baseline summary for this simulation");
    assertThat(Files.readString(results.attachment(smoke, "Statistics")))
        .doesNotContain(">baseline<");
    assertPng(results.attachment(smoke, "Response time by percentile"));
  }

  @Test
  void crashFreeTest_attachesTrendChartAndTopSignatures() throws IOException {
    JsonNode crashFree = results.named("Beta gate: crash-free-sessions");

    assertPng(results.attachment(crashFree, "Crash-free sessions per hour"));
    assertThat(Files.readString(results.attachment(crashFree, "Top signatures")))
        .contains("NullPointerException: IngestQueue.drain", "spiking")
        .contains("IllegalStateException: &lt;session&gt; closed");
  }

  @Test
  void categoriesJson_hasExactlyTheFourCategories_matchingTheMessagesWritten() {
    JsonNode categories = WrittenResults.json(results.dir().resolve("categories.json"));
    List<String> names = new ArrayList<>();
    categories.forEach(c -> names.add(c.path("name").asText()));

    assertThat(names)
        .containsExactly("Product regression", "SLO breach", "Infrastructure", "Insufficient data");
    for (JsonNode category : categories) {
      assertThat(category.path("matchedStatuses").toString()).isEqualTo("[\"failed\",\"broken\"]");
      Pattern regex = Pattern.compile(category.path("messageRegex").asText());
      List<String> matched =
          results.tests().stream()
              .filter(
                  t -> regex.matcher(t.path("statusDetails").path("message").asText()).matches())
              .map(t -> t.path("name").asText())
              .toList();
      List<String> tagged =
          results.tests().stream()
              .filter(t -> labels(t, "tag").contains(category.path("name").asText()))
              .map(t -> t.path("name").asText())
              .toList();
      assertThat(matched).isEqualTo(tagged);
    }
  }

  @Test
  void environmentProperties_nameCandidateBaselineCommitVerdictAndTime() throws IOException {
    Properties env = new Properties();
    try (InputStream in = Files.newInputStream(results.dir().resolve("environment.properties"))) {
      env.load(in);
    }

    assertThat(env)
        .containsEntry("Candidate", "beta-feedback@0.2.0")
        .containsEntry("Baseline", "beta-feedback@0.1.0")
        .containsEntry("Commit", "3f9c2ab1d4e5")
        .containsEntry("Verdict", "NO-GO")
        .containsEntry("Generated", "2026-12-02T01:05:00Z")
        .containsEntry("Build", "https://github.com/gonogo-dev/gonogo/actions/runs/9182736455");
  }

  @Test
  void executorJson_comesFromTheCiEnvironment() {
    JsonNode executor = WrittenResults.json(results.dir().resolve("executor.json"));

    assertThat(executor.path("name").asText()).isEqualTo("GitHub Actions");
    assertThat(executor.path("type").asText()).isEqualTo("github");
    assertThat(executor.path("buildName").asText()).isEqualTo("gonogo-dev/gonogo release #42");
    assertThat(executor.path("buildOrder").asLong()).isEqualTo(42);
    assertThat(executor.path("buildUrl").asText())
        .isEqualTo("https://github.com/gonogo-dev/gonogo/actions/runs/9182736455");
    assertThat(executor.has("reportUrl")).isFalse();
  }

  @Test
  void inconclusiveVerdict_isBroken_inInsufficientData() {
    Path other = dir.resolve("inconclusive");
    Verdict verdict = ReportFixtures.inconclusive();
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        other,
        ReportEnvironment.of(verdict.release(), Map.of()));
    WrittenResults written = WrittenResults.read(other);

    JsonNode first = written.tests().get(0);
    assertThat(first.path("name").asText()).startsWith("Release verdict: INCONCLUSIVE — ");
    assertThat(first.path("status").asText()).isEqualTo("broken");
    assertThat(first.path("statusDetails").path("message").asText())
        .startsWith("[Insufficient data] INCONCLUSIVE — inputs.any: no load, integration or beta");
    assertThat(written.named("Input inputs.any").path("status").asText()).isEqualTo("broken");
  }

  @Test
  void goVerdict_passes_withoutCategory() {
    Path other = dir.resolve("go");
    Verdict verdict = ReportFixtures.go();
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        other,
        ReportEnvironment.of(verdict.release(), Map.of()));
    JsonNode first = WrittenResults.read(other).tests().get(0);

    assertThat(first.path("status").asText()).isEqualTo("passed");
    assertThat(labels(first, "tag")).isEmpty();
    assertThat(first.path("attachments")).isEmpty();
    assertThat(WrittenResults.json(other.resolve("executor.json")).path("type").asText())
        .isEqualTo("local");
  }

  @Test
  void brokenLoadRun_withoutRequests_isItsOwnTest_inInfrastructure() throws IOException {
    LoadSummary broken =
        new LoadSummary(
            LoadSummary.SCHEMA,
            "dev.gonogo.load.CapacitySimulation",
            "capacity",
            "candidate",
            List.of("capacitysimulation-20261202010000000"),
            1_796_173_200_000L,
            1_796_173_260_000L,
            "broken",
            null,
            List.of(),
            List.of(),
            List.of());
    Finding finding =
        Finding.notGo(
            Section.LOAD,
            "load.baseline.error-rate",
            "CapacitySimulation / all requests",
            dev.gonogo.reports.verdict.Status.NO_GO,
            Category.INFRASTRUCTURE,
            null,
            1.0,
            "%",
            0L,
            null,
            "the candidate's CapacitySimulation run is broken: it made no request at all");
    Verdict verdict =
        Verdict.of(ReportFixtures.RELEASE, List.of(finding), ReportFixtures.EVALUATED);
    Evidence evidence =
        new Evidence(
            ReportFixtures.RELEASE,
            null,
            List.of(Input.of("--load-candidate", "capacity.json", broken)),
            List.of(),
            null);
    Path other = dir.resolve("broken");

    AllureResults.write(
        verdict, evidence, other, ReportEnvironment.of(verdict.release(), Map.of()));

    WrittenResults written = WrittenResults.read(other);
    JsonNode test = written.named("CapacitySimulation / all requests");
    assertThat(test.path("status").asText()).isEqualTo("failed");
    assertThat(labels(test, "tag")).containsExactly("Infrastructure");
    assertThat(Files.readString(written.attachment(test, "Statistics"))).contains("all requests");
    assertPng(written.attachment(test, "Response time by percentile"));
    assertThat(written.tests().get(0).path("statusDetails").path("message").asText())
        .startsWith("[Infrastructure] NO-GO — load.baseline.error-rate: ");
  }

  @Test
  void historyId_isStableAcrossRuns_soTrendsFollowEachTest() {
    Path again = dir.resolve("again");
    Verdict verdict = ReportFixtures.go();
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        again,
        ReportEnvironment.of(verdict.release(), Map.of()));
    WrittenResults second = WrittenResults.read(again);

    assertThat(second.tests().get(0).path("historyId").asText())
        .isEqualTo(results.tests().get(0).path("historyId").asText());
    assertThat(second.named("CrashFloodSimulation / ingest").path("historyId").asText())
        .isEqualTo(results.named("CrashFloodSimulation / ingest").path("historyId").asText());
  }

  static void assertPng(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).as("size of %s", file).isGreaterThan(5_000);
    assertThat(Arrays.copyOf(bytes, 8)).as("PNG signature of %s", file).isEqualTo(PNG_MAGIC);
  }

  static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
