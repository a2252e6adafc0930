package dev.gonogo.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gonogo verdict} end to end, in-process: arguments in, exit code and verdict.json out. */
class VerdictCommandTest {
  @TempDir Path out;
  final StringWriter stdout = new StringWriter();
  final StringWriter stderr = new StringWriter();

  int run(String... args) {
    List<String> all =
        new ArrayList<>(List.of("verdict", "--policy", Golden.policyFile().toString()));
    all.addAll(List.of(args));
    return Main.run(
        all.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
  }

  JsonNode verdictJson() throws IOException {
    return new ObjectMapper().readTree(out.resolve("verdict.json").toFile());
  }

  String load(String name) {
    return Golden.path("load/candidate/" + name + "simulation-candidate.json").toString();
  }

  @Test
  void passingInputs_exit0_go() throws IOException {
    int code =
        run(
            "--candidate", "app@2.0.0",
            "--integration", Golden.path("integration/allure-passed").toString(),
            "--load-candidate", load("releasemanager"),
            "--load-candidate", load("betatraffic"),
            "--skip", "beta",
            "--out", out.toString());

    assertThat(code).as(stdout + "" + stderr).isZero();
    JsonNode v = verdictJson();
    assertThat(v.path("schema").asText()).isEqualTo("gonogo.verdict/1");
    assertThat(v.path("status").asText()).isEqualTo("GO");
    assertThat(v.path("exitCode").asInt()).isZero();
    assertThat(v.path("release").path("candidate").asText()).isEqualTo("app@2.0.0");
    assertThat(v.path("findings").findValuesAsText("reason"))
        .contains("beta was not evaluated: excluded on request (--skip beta)");
    assertThat(stdout.toString())
        .contains("GO")
        .contains("beta was not evaluated: excluded on request")
        .contains(out.resolve("verdict.json").toString());
    assertThat(stdout.toString().lines().count()).isLessThanOrEqualTo(25);
  }

  @Test
  void allureResults_areWrittenBesideVerdictJson_verdictFirst() throws IOException {
    Path results = out.resolve("allure-results");
    int code =
        run(
            "--candidate",
            "app@2.0.0",
            "--load-candidate",
            load("releasemanager"),
            "--load-candidate",
            load("betatraffic"),
            "--skip",
            "integration",
            "--skip",
            "beta",
            "--out",
            out.toString(),
            "--allure-results",
            results.toString());

    assertThat(code).as(stdout + "" + stderr).isZero();
    List<String> names = new ArrayList<>();
    try (var files = java.nio.file.Files.list(results)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        names.add(new ObjectMapper().readTree(file.toFile()).path("name").asText());
      }
    }
    assertThat(names)
        .contains("Release verdict: GO — app@2.0.0 (no baseline)")
        .anySatisfy(name -> assertThat(name).contains("ReleaseManagerSimulation"));
    assertThat(results.resolve("categories.json")).isNotEmptyFile();
    assertThat(results.resolve("environment.properties")).content().contains("app@2.0.0");
  }

  @Test
  void realFailedLoadRun_exit1_noGo_reasonOnScreen() throws IOException {
    int code =
        run(
            "--candidate", "app@2.0.0",
            "--baseline", "app@1.9.0",
            "--commit", "abc1234",
            "--load-candidate", Golden.path("load/candidate").toString(),
            "--load-baseline", Golden.path("load/baseline").toString(),
            "--skip", "integration",
            "--skip", "beta",
            "--out", out.toString());

    assertThat(code).isEqualTo(1);
    assertThat(stdout.toString())
        .contains("NO-GO")
        .contains("load.slo.p95")
        .contains("commit abc1234");
    assertThat(stdout.toString().lines().count()).isLessThanOrEqualTo(25);
    JsonNode v = verdictJson();
    assertThat(v.path("status").asText()).isEqualTo("NO_GO");
    JsonNode first = v.path("findings").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "section",
            "rule",
            "subject",
            "status",
            "category",
            "observed",
            "threshold",
            "unit",
            "sampleSize",
            "interval",
            "reason",
            "details");
    assertThat(v.path("findings").findValuesAsText("rule")).contains("load.baseline.p99-increase");
  }

  @Test
  void nothingGiven_exit2_inconclusive() throws IOException {
    int code = run("--candidate", "app@2.0.0", "--out", out.toString());

    assertThat(code).isEqualTo(2);
    assertThat(verdictJson().path("status").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(stdout.toString()).contains("--skip integration");
  }

  @Test
  void unknownOption_exit64_notInconclusive() {
    assertThat(run("--candidate", "x", "--no-such-option")).isEqualTo(64);
    assertThat(stderr.toString()).contains("--no-such-option");
  }

  @Test
  void missingCandidate_exit64() {
    assertThat(run("--skip", "beta")).isEqualTo(64);
  }

  @Test
  void badSkipValue_exit64() {
    assertThat(run("--candidate", "x", "--skip", "inputs")).isEqualTo(64);
    assertThat(stderr.toString()).contains("integration, load or beta");
  }

  @Test
  void unusablePolicy_exit64_namingIt() {
    int code =
        Main.run(
            new String[] {
              "verdict", "--candidate", "x", "--policy", out.resolve("none.yaml").toString()
            },
            new PrintWriter(stdout, true),
            new PrintWriter(stderr, true));

    assertThat(code).isEqualTo(64);
    assertThat(stderr.toString()).contains("none.yaml");
  }

  @Test
  void quiet_printsNothing() {
    int code = run("--candidate", "x", "--quiet");

    assertThat(code).isEqualTo(2);
    assertThat(stdout.toString()).isEmpty();
  }

  @Test
  void help_listsTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(stdout.toString())
        .contains("64")
        .contains("70")
        .contains("INCONCLUSIVE")
        .contains("--load-baseline");
  }
}
