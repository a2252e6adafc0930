package dev.gonogo.reports.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.reports.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasePolicyTest {
  @TempDir Path tmp;

  @Test
  void repositoryPolicy_loadsEverySection() throws IOException {
    ReleasePolicy p = ReleasePolicy.load(Golden.policyFile());

    assertThat(p.integration())
        .isEqualTo(new IntegrationPolicy(true, IntegrationPolicy.Flaky.INCONCLUSIVE, 1));
    assertThat(p.load().slos()).hasSize(3);
    assertThat(p.load().baseline().maxP99IncreasePercent()).isEqualTo(50);
    assertThat(p.bytes()).isEqualTo(Files.readAllBytes(Golden.policyFile()));
    assertThat(p.loadConfidence()).isEqualTo(0.95);
  }

  Path policyWith(String from, String to) throws IOException {
    String text = Files.readString(Golden.policyFile());
    assertThat(text).contains(from);
    Path file = tmp.resolve("policy.yaml");
    Files.writeString(file, text.replace(from, to));
    return file;
  }

  @ParameterizedTest(name = "{0} -> key {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "  min-tests: 1|  min-test: 1|integration.min-test",
        "  flaky: inconclusive|  flaky: sometimes|integration.flaky",
        "  min-tests: 1|  min-tests: 0|integration.min-tests",
        "  require-all-passed: true|  require-all-passed: yes please|integration.require-all-passed",
        "p99-ms: 1000|p99ms: 1000|load.slos[0].p99ms",
        "version: 1|versoin: 1|versoin"
      })
  void badKey_isRejected_namingTheKey(String from, String to, String key) throws IOException {
    Path file = policyWith(from, to);

    assertThatThrownBy(() -> ReleasePolicy.load(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(key)
        .satisfies(e -> assertThat(((PolicyException) e).key()).isEqualTo(key));
  }

  @Test
  void missingFile_isRejected_namingTheFile() {
    Path none = tmp.resolve("none.yaml");

    assertThatThrownBy(() -> ReleasePolicy.load(none))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(none.toString());
  }
}
