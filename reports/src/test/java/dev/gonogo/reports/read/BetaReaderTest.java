package dev.gonogo.reports.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.Golden;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.verdict.Aggregator;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The beta reader and rule against a real beta-feedback started in-process. */
class BetaReaderTest {
  static final String BASELINE = "app@1.4.0";
  static final String HEALTHY = "app@1.5.0+812";
  static final String CRASHY = "app@1.5.1";
  static final String TINY = "app@1.5.2";

  @TempDir static Path dir;
  static BetaFeedback beta;
  static ReleasePolicy policy;

  @BeforeAll
  static void start() {
    beta = new BetaFeedback(dir.resolve("beta.db"));
    Instant started = Instant.now().minus(Duration.ofHours(2));
    beta.sessions(BASELINE, 20000, 0, started);
    beta.sessions(HEALTHY, 20000, 0, started.plusSeconds(60));
    beta.sessions(CRASHY, 3000, 300, started.plusSeconds(120));
    beta.sessions(TINY, 40, 0, started.plusSeconds(180));
    policy = Golden.policy();
  }

  @AfterAll
  static void stop() {
    beta.close();
  }

  static VerdictInputs inputs(String candidate, String baseline, URI url, String token) {
    return new VerdictInputs(
        new Release(candidate, baseline, null),
        null,
        List.of(),
        List.of(),
        url,
        beta.project.id(),
        token,
        null,
        Set.of(Section.INTEGRATION, Section.LOAD));
  }

  static Evidence read(VerdictInputs inputs) {
    return EvidenceReader.read(inputs, policy, Duration.ofSeconds(10));
  }

  static List<Finding> betaFindings(Evidence evidence) {
    Verdict v = Aggregator.aggregate(evidence, policy, Clock.systemUTC());
    return v.findings().stream().filter(f -> f.section() == Section.BETA).toList();
  }

  @Test
  void healthyCandidate_gatePasses_verdictIsGo() {
    Evidence e = read(inputs(HEALTHY, BASELINE, beta.base, BetaFeedback.TOKEN));

    assertThat(e.beta().isPresent()).as(e.beta().message()).isTrue();
    BetaHealth health = e.beta().value();
    assertThat(health.gate().status()).as(health.gate().summary()).isIn("PASS", "WARN");
    assertThat(health.candidate().sessions()).isEqualTo(20000);
    assertThat(health.baseline().release()).isEqualTo(BASELINE);
    assertThat(health.series()).isNotEmpty();
    Verdict v = Aggregator.aggregate(e, policy, Clock.systemUTC());
    assertThat(v.status()).as(v.summary()).isEqualTo(Status.GO);
    assertThat(betaFindings(e))
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("beta.crash-free-sessions");
              assertThat(f.sampleSize()).isEqualTo(20000L);
              assertThat(f.interval()).isNotNull();
            });
  }

  @Test
  void crashingCandidate_gateFails_isNoGoWithSloBreachAndRegression() {
    List<Finding> findings =
        betaFindings(read(inputs(CRASHY, BASELINE, beta.base, BetaFeedback.TOKEN)));

    assertThat(findings)
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("beta.crash-free-sessions");
              assertThat(f.status()).isEqualTo(Status.NO_GO);
              assertThat(f.category()).isEqualTo(Category.SLO_BREACH);
              assertThat(f.observed()).isEqualTo(0.9);
            })
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("beta.crash-rate-vs-baseline");
              assertThat(f.status()).isEqualTo(Status.NO_GO);
              assertThat(f.category()).isEqualTo(Category.PRODUCT_REGRESSION);
            });
  }

  @Test
  void tinyCandidate_gateHasInsufficientData_isInconclusive() {
    List<Finding> findings =
        betaFindings(read(inputs(TINY, BASELINE, beta.base, BetaFeedback.TOKEN)));

    assertThat(findings).isNotEmpty();
    assertThat(findings)
        .anySatisfy(
            f -> {
              assertThat(f.status()).isEqualTo(Status.INCONCLUSIVE);
              assertThat(f.category()).isEqualTo(Category.INSUFFICIENT_DATA);
            })
        .noneSatisfy(f -> assertThat(f.status()).isEqualTo(Status.NO_GO));
  }

  @Test
  void unknownRelease_isMissingInput_namingTheRelease() {
    Evidence e = read(inputs("app@9.9.9", BASELINE, beta.base, BetaFeedback.TOKEN));

    assertThat(e.beta().problem()).isEqualTo(Input.Problem.MISSING);
    assertThat(e.beta().message()).contains("unknown_release").contains("app@9.9.9");
    assertThat(Aggregator.aggregate(e, policy, Clock.systemUTC()).status())
        .isEqualTo(Status.INCONCLUSIVE);
  }

  @Test
  void unknownBaseline_isMissingInput_notAPass() {
    Evidence e = read(inputs(HEALTHY, "app@0.0.1", beta.base, BetaFeedback.TOKEN));

    assertThat(e.beta().problem()).isEqualTo(Input.Problem.MISSING);
    assertThat(e.beta().message()).contains("app@0.0.1");
  }

  @Test
  void wrongToken_isUnreadable_sayingWhichTokenToPass() {
    Evidence e = read(inputs(HEALTHY, BASELINE, beta.base, "not-the-token"));

    assertThat(e.beta().problem()).isEqualTo(Input.Problem.UNREADABLE);
    assertThat(e.beta().message()).contains("403").contains("--beta-token");
    Verdict v = Aggregator.aggregate(e, policy, Clock.systemUTC());
    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.findings())
        .anySatisfy(f -> assertThat(f.category()).isEqualTo(Category.INFRASTRUCTURE));
  }

  @Test
  void noToken_isUnreadable() {
    Evidence e = read(inputs(HEALTHY, BASELINE, beta.base, null));

    assertThat(e.beta().problem()).isEqualTo(Input.Problem.UNREADABLE);
    assertThat(e.beta().message()).contains("401");
  }

  @Test
  void serverDown_isUnreachable_namingTheUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI down = URI.create("http://127.0.0.1:" + port);

    Evidence e = read(inputs(HEALTHY, BASELINE, down, BetaFeedback.TOKEN));

    assertThat(e.beta().problem()).isEqualTo(Input.Problem.UNREACHABLE);
    assertThat(e.beta().message()).contains(down.toString()).contains("not reachable");
    Verdict v = Aggregator.aggregate(e, policy, Clock.systemUTC());
    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
    assertThat(v.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("inputs.beta");
              assertThat(f.category()).isEqualTo(Category.INFRASTRUCTURE);
            });
  }
}
