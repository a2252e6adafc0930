package dev.gonogo.load.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPolicyTest {
  @TempDir Path folder;

  @Test
  void repositoryPolicy_hasAllAndTheSimulationsGroups() {
    LoadPolicy policy = LoadPolicy.read(Path.of("../release-policy.yaml"));

    assertThat(policy.slo("all"))
        .get()
        .satisfies(
            s -> {
              assertThat(s.p95Ms()).hasValue(500);
              assertThat(s.minRequestsPerSecond()).isPresent();
            });
    assertThat(policy.slosFor(Set.of("ingest")))
        .extracting(Slo::group)
        .containsExactly("all", "ingest");
    assertThat(policy.baseline().maxP95IncreasePercent()).isEqualTo(25.0);
    assertThat(policy.baseline().maxMedianIncreasePercent()).isEqualTo(50.0);
    assertThat(policy.baseline().minIncreaseMs()).isEqualTo(10.0);
    assertThat(policy.baseline().excludeSimulations()).containsExactly("ReconnectStormSimulation");
  }

  @Test
  void unknownKey_isAnErrorNamingIt() throws IOException {
    Path file = write("load:\n  slos:\n    - group: all\n      p95: 500\n  baseline: {}\n");

    assertThatThrownBy(() -> LoadPolicy.read(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("load.slos[0].p95")
        .hasMessageContaining("p95-ms");
  }

  @Test
  void sloWithoutBound_isRejected() throws IOException {
    Path file =
        write(
            "load:\n  slos:\n    - group: ingest\n  baseline:\n    max-p95-increase-percent: 1\n"
                + "    max-median-increase-percent: 1\n    min-increase-ms: 1\n"
                + "    max-p99-increase-percent: 1\n    max-error-percent-increase: 1\n");

    assertThatThrownBy(() -> LoadPolicy.read(file)).hasMessageContaining("sets no bound");
  }

  @Test
  void missingLoadSection_isAnError() throws IOException {
    assertThatThrownBy(() -> LoadPolicy.read(write("version: 1\n")))
        .hasMessageContaining("no 'load' section");
  }

  private Path write(String yaml) throws IOException {
    Path file = folder.resolve("policy.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
