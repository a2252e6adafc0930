package dev.gonogo.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.verdict.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new ReportCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void report_generatesTheReport_andSaysHowToViewIt() {
    Verdict verdict = ReportFixtures.noGo();
    Path results = dir.resolve("results");
    AllureResults.write(
        verdict,
        ReportFixtures.evidence(),
        results,
        ReportEnvironment.of(verdict.release(), Map.of()));
    Path report = dir.resolve("report");

    int exit =
        run(
            "--results", results.toString(),
            "--out", report.toString(),
            "--allure-home",
                System.getProperty("gonogo.allure-commandline.dir", "target/allure-commandline"));

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(report.resolve("index.html")).isRegularFile();
    assertThat(out.toString())
        .contains(report.resolve("index.html").toAbsolutePath().toString(), "over http");
  }

  @Test
  void report_missingResultsFolder_exits1_withTheReason() {
    Path missing = dir.resolve("missing");

    int exit =
        run(
            "--results", missing.toString(),
            "--out", dir.resolve("report").toString(),
            "--allure-home",
                System.getProperty("gonogo.allure-commandline.dir", "target/allure-commandline"));

    assertThat(exit).isEqualTo(70);
    assertThat(err.toString())
        .startsWith("gonogo report: ")
        .contains(missing.toString(), "does not exist");
  }

  @Test
  void report_withoutResults_isAUsageError() {
    int exit = run("--out", dir.resolve("report").toString());

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString()).contains("Missing required option: '--results=DIR'");
  }

  @Test
  void report_isNamedReport_forTheGonogoCommand() {
    assertThat(new CommandLine(new ReportCommand()).getCommandName()).isEqualTo("report");
  }
}
