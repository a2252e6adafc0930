package dev.gonogo.feedback.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScrubResultTest {

  @Test
  void none_isEmpty_andSaysSo() {
    assertThat(ScrubResult.NONE.isEmpty()).isTrue();
    assertThat(ScrubResult.NONE.total()).isZero();
    assertThat(ScrubResult.NONE.describe()).isEqualTo("nothing scrubbed");
  }

  @Test
  void populated_describesOnlyKindsFound_withSingularAndPlural() {
    ScrubResult result = new ScrubResult(1, 0, 2, 1_204);

    assertThat(result.total()).isEqualTo(1_207);
    assertThat(result.describe())
        .isEqualTo("scrubbed 1 e-mail address, 2 card numbers, 1,204 values of sensitive keys");
  }

  @Test
  void byKind_hasStableNamesInAFixedOrder() {
    assertThat(new ScrubResult(1, 2, 3, 4).byKind())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("email", 1),
            org.assertj.core.api.Assertions.entry("ip", 2),
            org.assertj.core.api.Assertions.entry("credit_card", 3),
            org.assertj.core.api.Assertions.entry("key_value", 4));
  }

  @Test
  void plus_addsPerKind() {
    assertThat(new ScrubResult(1, 2, 3, 4).plus(new ScrubResult(10, 20, 30, 40)))
        .isEqualTo(new ScrubResult(11, 22, 33, 44));
  }

  @Test
  void plus_overflow_throwsInsteadOfWrapping() {
    ScrubResult big = new ScrubResult(Integer.MAX_VALUE, 0, 0, 0);

    assertThatThrownBy(() -> big.plus(new ScrubResult(1, 0, 0, 0)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void negativeCount_isRejected() {
    assertThatThrownBy(() -> new ScrubResult(0, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ips=-1");
  }
}
