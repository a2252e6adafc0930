package dev.gonogo.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureReportTest {
  @TempDir Path dir;

  private Path results(String name, Verdict verdict) {
    Path results = dir.resolve(name);
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        results,
        ReportEnvironment.of(verdict.release(), Map.of()));
    return results;
  }

  @Test
  void generate_twice_carriesHistoryOver_andTheTrendHasTwoRuns() throws IOException {
    Path report = dir.resolve("report");
    Path first = results("first", ReportFixtures.go());

    AllureReport.generate(AllureHome.unpacked(), List.of(first), report);
    assertThat(first.resolve("history")).doesNotExist();
    assertThat(WrittenResults.json(report.resolve("widgets/history-trend.json"))).hasSize(1);

    Path second = results("second", ReportFixtures.noGo());
    Path index = AllureReport.generate(AllureHome.unpacked(), List.of(second), report);

    assertThat(index).isRegularFile().hasFileName("index.html");
    assertThat(second.resolve("history/history-trend.json")).isRegularFile();
    assertThat(second.resolve("history/history.json")).isRegularFile();
    JsonNode trend = WrittenResults.json(report.resolve("widgets/history-trend.json"));
    assertThat(trend).hasSize(2);
    assertThat(trend.get(0).path("data").path("failed").asInt()).isGreaterThan(0);
    assertThat(trend.get(1).path("data").path("failed").asInt()).isZero();
  }

  @Test
  void generate_readsCategoriesAndExecutor_intoTheReport() throws IOException {
    Path report = dir.resolve("report");
    AllureReport.generate(
        AllureHome.unpacked(), List.of(results("no-go", ReportFixtures.noGo())), report);

    JsonNode categories = WrittenResults.json(report.resolve("data/categories.json"));
    List<String> names =
        categories.path("children").findValuesAsText("name").stream()
            .filter(n -> !n.contains(" — ") && !n.startsWith("Release verdict"))
            .distinct()
            .toList();
    assertThat(names).contains("SLO breach", "Product regression", "Insufficient data");
    assertThat(Files.readString(report.resolve("widgets/executors.json"))).contains("\"local\"");
    assertThat(Files.readString(report.resolve("widgets/environment.json")))
        .contains("beta-feedback@0.2.0", "NO-GO");
  }

  @Test
  void generate_missingResultsFolder_saysWhich() {
    Path missing = dir.resolve("nothing-here");

    assertThatThrownBy(
            () -> AllureReport.generate(AllureHome.unpacked(), List.of(missing), dir.resolve("r")))
        .isInstanceOf(AllureReport.AllureReportException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void generate_withoutAllureCommandline_saysHowToUnpackIt() {
    assertThatThrownBy(
            () -> AllureReport.generate(dir.resolve("no-allure"), List.of(dir), dir.resolve("r")))
        .isInstanceOf(AllureReport.AllureReportException.class)
        .hasMessageContaining("bin/allure does not exist")
        .hasMessageContaining("dependency:unpack@allure-commandline");
  }

  @Test
  void generate_failingCommand_reportsExitCodeAndOutput() throws IOException {
    Path fake = dir.resolve("fake-allure");
    Files.createDirectories(fake.resolve("bin"));
    Path bin = fake.resolve("bin/allure");
    Files.writeString(bin, "#!/bin/sh\necho 'Could not parse arguments' >&2\nexit 3\n");
    assertThat(bin.toFile().setExecutable(true)).isTrue();

    assertThatThrownBy(() -> AllureReport.generate(fake, List.of(dir), dir.resolve("r")))
        .isInstanceOf(AllureReport.AllureReportException.class)
        .hasMessageContaining("failed with exit code 3")
        .hasMessageContaining("Could not parse arguments");
  }

  @Test
  void generate_hangingCommand_isStoppedAtTheTimeout() throws IOException {
    Path fake = dir.resolve("slow-allure");
    Files.createDirectories(fake.resolve("bin"));
    Path bin = fake.resolve("bin/allure");
    Files.writeString(bin, "#!/bin/sh\necho generating\nexec sleep 30\n");
    assertThat(bin.toFile().setExecutable(true)).isTrue();

    assertThatThrownBy(
            () ->
                AllureReport.generate(
                    fake, List.of(dir), dir.resolve("r"), java.time.Duration.ofMillis(500)))
        .isInstanceOf(AllureReport.AllureReportException.class)
        .hasMessageContaining("did not finish within 0 s")
        .hasMessageContaining("generating");
  }

  @Test
  void locateAllureHome_findsTheOneUnpackedHome() throws IOException {
    Path unpacked = dir.resolve("allure-commandline");
    Files.createDirectories(unpacked.resolve("allure-2.34.0/bin"));
    Files.writeString(unpacked.resolve("allure-2.34.0/bin/allure"), "#!/bin/sh\n");

    assertThat(AllureReport.locateAllureHome(unpacked))
        .isEqualTo(unpacked.resolve("allure-2.34.0"));
    assertThat(AllureReport.locateAllureHome(unpacked.resolve("allure-2.34.0")))
        .isEqualTo(unpacked.resolve("allure-2.34.0"));
  }

  @Test
  void locateAllureHome_emptyFolder_saysHowToUnpack() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThatThrownBy(() -> AllureReport.locateAllureHome(empty))
        .isInstanceOf(AllureReport.AllureReportException.class)
        .hasMessageContaining("no allure-commandline")
        .hasMessageContaining("./mvnw -pl reports dependency:unpack@allure-commandline");
  }
}
