package dev.gonogo.load.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.load.config.TargetConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@link Target#resolve} picks between a running candidate and one it starts. */
class TargetTest {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  @AfterEach
  void leavesNoProcessBehind() {
    assertThat(TestCandidates.liveChildren()).as("candidate processes still running").isEmpty();
  }

  @Test
  void resolve_withoutUrl_startsTheCandidate_andCloseStopsIt() {
    TargetConfig.Candidate spec = TestCandidates.named("resolve_withoutUrl");

    Target target = Target.resolve(new TargetConfig(Optional.empty(), READY_TIMEOUT, spec));
    try {
      assertThat(target).isInstanceOf(CandidateProcess.class);
      assertThat(target.describe()).contains("beta-feedback candidate pid", "candidate.log");
    } finally {
      target.close();
      TestCandidates.attachLog(spec);
    }
  }

  @Test
  void resolve_withUrl_usesTheRunningCandidate_andLeavesItRunning() {
    TargetConfig.Candidate spec = TestCandidates.named("resolve_withUrl");
    try (CandidateProcess running = CandidateProcess.start(spec, READY_TIMEOUT)) {

      Target target =
          Target.resolve(new TargetConfig(Optional.of(running.baseUri()), READY_TIMEOUT, spec));
      target.close();

      assertThat(target.baseUri()).isEqualTo(running.baseUri());
      assertThat(target.describe()).contains("not started by the suite");
      assertThat(running.isAlive()).isTrue();
    } finally {
      TestCandidates.attachLog(spec);
    }
  }

  @Test
  void resolve_withUrlWhereNothingListens_failsInTime_sayingWhatItSaw() throws IOException {
    URI nobody = URI.create("http://127.0.0.1:" + closedPort());
    TargetConfig config =
        new TargetConfig(
            Optional.of(nobody), Duration.ofSeconds(1), TestCandidates.named("resolve_nobody"));

    assertThatThrownBy(() -> Target.resolve(config))
        .isInstanceOf(TargetException.class)
        .hasMessageContaining("The target " + nobody + " (gonogo.target) did not answer GET /ready")
        .hasMessageContaining("within 1 s")
        .hasMessageContaining("connection refused");
  }

  /** A loopback port that was free a moment ago and now has no listener. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
