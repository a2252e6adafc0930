package dev.gonogo.reports.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.Golden;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.EvidenceReader;
import dev.gonogo.reports.read.VerdictInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every missing, empty or unreadable input yields INCONCLUSIVE or NO-GO, never GO, and a finding
 * whose reason names what was tried. Everything else is a good input, so only the bad one decides.
 */
class BadInputsTest {
  static final ReleasePolicy POLICY = Golden.policy();
  static final Release RELEASE = new Release("app@2.0.0", null, null);
  @TempDir static Path tmp;

  static Path file(String name, String content) {
    try {
      Path p = tmp.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path folder(String name) {
    try {
      return Files.createDirectories(tmp.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Two real passing runs that exercise every SLO group of the policy. */
  static List<Path> goodLoads() {
    return List.of(
        Golden.path("load/candidate/releasemanagersimulation-candidate.json"),
        Golden.path("load/candidate/betatrafficsimulation-candidate.json"));
  }

  /** Good integration and load; beta skipped. */
  static VerdictInputs with(Path integration, List<Path> candidate, List<Path> baseline) {
    return new VerdictInputs(
        RELEASE, integration, candidate, baseline, null, null, null, null, Set.of(Section.BETA));
  }

  static Arguments bad(String name, Function<Void, VerdictInputs> inputs, String mentions) {
    return Arguments.of(Named.of(name, inputs), mentions);
  }

  static Stream<Arguments> badInputs() {
    Path goodIntegration = Golden.path("integration/junit-passed");
    return Stream.of(
        bad("integration not given", v -> with(null, goodLoads(), List.of()), "--integration"),
        bad(
            "integration folder missing",
            v -> with(tmp.resolve("nope"), goodLoads(), List.of()),
            "does not exist"),
        bad(
            "integration folder empty",
            v -> with(folder("empty-it"), goodLoads(), List.of()),
            "holds neither"),
        bad(
            "integration JUnit XML empty file",
            v -> with(file("it/TEST-a.xml", "").getParent(), goodLoads(), List.of()),
            "empty"),
        bad(
            "integration JUnit XML truncated",
            v -> with(file("it2/TEST-a.xml", "<testsuite><testcase"), goodLoads(), List.of()),
            "cannot read"),
        bad(
            "integration JUnit XML without tests",
            v -> with(file("it3/TEST-a.xml", "<testsuite name=\"x\"/>"), goodLoads(), List.of()),
            "no <testcase>"),
        bad(
            "integration Allure result not JSON",
            v -> with(file("al/x-result.json", "{oops").getParent(), goodLoads(), List.of()),
            "Allure result"),
        bad("load not given", v -> with(goodIntegration, List.of(), List.of()), "--load-candidate"),
        bad(
            "load file missing",
            v -> with(goodIntegration, List.of(tmp.resolve("none.json")), List.of()),
            "does not exist"),
        bad(
            "load folder empty",
            v -> with(goodIntegration, List.of(folder("empty-load")), List.of()),
            "holds no *.json"),
        bad(
            "load file empty",
            v -> with(goodIntegration, List.of(file("l/empty.json", "")), List.of()),
            "is empty"),
        bad(
            "load file not JSON",
            v -> with(goodIntegration, List.of(file("l/bad.json", "{\"schema\": ")), List.of()),
            "not a load summary"),
        bad(
            "load wrong schema",
            v ->
                with(
                    goodIntegration,
                    List.of(file("l/schema.json", "{\"schema\": \"gonogo.load-summary/9\"}")),
                    List.of()),
            "gonogo.load-summary/9"),
        bad(
            "load zero requests",
            v ->
                with(
                    goodIntegration,
                    List.of(
                        file(
                            "l/zero.json",
                            "{\"schema\": \"gonogo.load-summary/1\", \"simulation\": \"a.B\", \"label\": \"candidate\", \"global\": {\"count\": 0}}")),
                    List.of()),
            "zero requests"),
        bad(
            "load labelled baseline given as candidate",
            v ->
                with(
                    goodIntegration,
                    List.of(Golden.path("load/baseline/smokesimulation-baseline.json")),
                    List.of()),
            "labelled 'baseline'"),
        bad(
            "baseline file missing",
            v -> with(goodIntegration, goodLoads(), List.of(tmp.resolve("nob.json"))),
            "does not exist"),
        bad(
            "baseline of another simulation (unpaired)",
            v ->
                with(
                    goodIntegration,
                    goodLoads(),
                    List.of(Golden.path("load/baseline/smokesimulation-baseline.json"))),
            "no candidate summary"),
        bad(
            "beta not given",
            v ->
                new VerdictInputs(
                    RELEASE,
                    goodIntegration,
                    goodLoads(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    Set.of()),
            "--beta-url"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInput_isNeverGo(Function<Void, VerdictInputs> inputs, String mentions) {
    Verdict verdict =
        Aggregator.aggregate(
            EvidenceReader.read(inputs.apply(null), POLICY), POLICY, Clock.systemUTC());

    assertThat(verdict.status()).isNotEqualTo(Status.GO);
    assertThat(verdict.findings())
        .filteredOn(f -> f.status() != Status.GO)
        .anySatisfy(f -> assertThat(f.reason()).contains(mentions));
  }

  @Test
  void goodInputs_sameControlSetup_isGo() {
    VerdictInputs inputs = with(Golden.path("integration/junit-passed"), goodLoads(), List.of());

    Verdict verdict =
        Aggregator.aggregate(EvidenceReader.read(inputs, POLICY), POLICY, Clock.systemUTC());

    assertThat(verdict.status()).as(verdict.summary()).isEqualTo(Status.GO);
    assertThat(verdict.findings())
        .anySatisfy(
            f ->
                assertThat(f.reason())
                    .isEqualTo("beta was not evaluated: excluded on request (--skip beta)"))
        .anySatisfy(
            f -> assertThat(f.reason()).startsWith("no baseline: candidate judged on SLOs only"));
  }

  @Test
  void integrationNotGiven_saysHowToSkipItOnPurpose() {
    Verdict verdict =
        Aggregator.aggregate(
            EvidenceReader.read(with(null, goodLoads(), List.of()), POLICY),
            POLICY,
            Clock.systemUTC());

    assertThat(verdict.findings())
        .anySatisfy(
            f ->
                assertThat(f.reason())
                    .isEqualTo(
                        "no integration results were given (--integration); pass --skip"
                            + " integration to leave it out on purpose"));
  }
}
