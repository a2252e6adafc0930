package dev.gonogo.load.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.load.config.TargetConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starts the real beta-feedback jar as a process, as the simulations do. */
class CandidateProcessTest {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private TargetConfig.Candidate spec;

  @AfterEach
  void leavesNoProcessBehind() {
    if (spec != null) {
      TestCandidates.attachLog(spec);
    }
    assertThat(TestCandidates.liveChildren()).as("candidate processes still running").isEmpty();
  }

  @Test
  void start_realJar_servesOnLoopbackUntilClosed() throws Exception {
    spec = TestCandidates.named("start_realJar_servesOnLoopbackUntilClosed");
    long pid;
    URI base;
    try (CandidateProcess candidate = CandidateProcess.start(spec, READY_TIMEOUT)) {
      pid = candidate.pid();
      base = candidate.baseUri();

      assertThat(base.getScheme()).isEqualTo("http");
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      assertThat(base.getPort()).isPositive();
      assertThat(candidate.isAlive()).isTrue();
      HttpResponse<String> health = get(base.resolve("/health"));
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      assertThat(get(base.resolve("/ready")).body()).contains("\"status\":\"READY\"");
      assertThat(Files.readString(spec.workDir().resolve(CandidateProcess.READY_FILE)).trim())
          .isEqualTo(base.toString());
      assertThat(spec.workDir().resolve(CandidateProcess.PID_FILE)).exists();
      assertThat(spec.workDir().resolve(CandidateProcess.DATABASE_FILE)).exists();
    }

    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThatThrownBy(() -> get(base.resolve("/health"))).isInstanceOf(ConnectException.class);
    assertThat(spec.workDir().resolve(CandidateProcess.PID_FILE)).doesNotExist();
    assertThat(Files.readString(spec.workDir().resolve(CandidateProcess.LOG_FILE)))
        .contains("load-tests started:")
        .contains("beta-feedback listening on " + base);
  }

  @Test
  void close_twice_isHarmless() {
    spec = TestCandidates.named("close_twice_isHarmless");
    CandidateProcess candidate = CandidateProcess.start(spec, READY_TIMEOUT);

    candidate.close();
    candidate.close();

    assertThat(candidate.isAlive()).isFalse();
  }

  @Test
  void start_missingJar_failsAtOnce_namingTheJarAndTheBuild() {
    Path missing = Path.of("target", "no-such-candidate.jar").toAbsolutePath();

    assertThatThrownBy(
            () ->
                CandidateProcess.start(
                    TestCandidates.named("start_missingJar").withJar(missing), READY_TIMEOUT))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining(
            "The candidate jar " + missing + " (gonogo.candidate.jar) does not exist")
        .hasMessageContaining("./mvnw -pl beta-feedback,load-tests -am verify")
        .hasMessageContaining("gonogo.target");
  }

  @Test
  void start_noJarConfigured_failsNamingBothWaysToGetATarget() {
    TargetConfig.Candidate configured = TestCandidates.named("start_noJarConfigured");
    TargetConfig.Candidate noJar =
        new TargetConfig.Candidate(
            Optional.empty(), configured.workDir(), List.of(), Map.of(), configured.stopTimeout());

    assertThatThrownBy(() -> CandidateProcess.start(noJar, READY_TIMEOUT))
        .isInstanceOf(TargetException.class)
        .hasMessageStartingWith("No candidate jar is configured: set gonogo.candidate.jar")
        .hasMessageContaining("or set gonogo.target");
  }

  @Test
  void start_badCandidateConfiguration_failsWithExitCodeAndTheCandidatesOwnMessage() {
    spec =
        TestCandidates.named("start_badCandidateConfiguration")
            .withEnvironment(Map.of("GONOGO_STORE_URL", "jdbc:mysql://127.0.0.1/gonogo"));
    Path log = spec.workDir().toAbsolutePath().resolve(CandidateProcess.LOG_FILE);

    assertThatThrownBy(() -> CandidateProcess.start(spec, READY_TIMEOUT))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("exited with code 2 before it was ready")
        .hasMessageContaining("Candidate log " + log)
        .hasMessageContaining(
            "configuration error: gonogo.store.url=jdbc:mysql://127.0.0.1/gonogo");
  }

  @Test
  void start_candidateThatNeverGetsReady_timesOutSayingWhatItWaitedFor_andKillsIt() {
    // A JVM suspended for a debugger never runs main(): deterministic "never ready".
    TargetConfig.Candidate base = TestCandidates.named("start_candidateThatNeverGetsReady");
    spec =
        new TargetConfig.Candidate(
            base.jar(),
            base.workDir(),
            List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0"),
            Map.of(),
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> CandidateProcess.start(spec, Duration.ofSeconds(2)))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("was not ready within 2 s (gonogo.target.ready-timeout-seconds)")
        .hasMessageContaining("last observed: the ready file")
        .hasMessageContaining("was not written yet")
        .hasMessageContaining("Listening for transport dt_socket");
  }

  @Test
  void start_whileAnEarlierRunsCandidateStillRuns_stopsThatOneFirst() {
    spec = TestCandidates.named("start_whileAnEarlierRunsCandidateStillRuns");
    CandidateProcess leftover = CandidateProcess.start(spec, READY_TIMEOUT);

    try (CandidateProcess next = CandidateProcess.start(spec, READY_TIMEOUT)) {
      assertThat(leftover.isAlive()).as("the earlier candidate").isFalse();
      assertThat(next.isAlive()).isTrue();
      assertThat(next.baseUri()).isNotEqualTo(leftover.baseUri());
    } finally {
      leftover.close();
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
