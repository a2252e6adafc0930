package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void headerPart_followsTheProtocolOrder() {
    RateLimit limit =
        new RateLimit(
            Duration.ofSeconds(60), List.of("error", "default"), "project", "crash_budget");

    assertThat(limit.headerPart()).isEqualTo("60:error;default:project:crash_budget");
  }

  @Test
  void noCategories_meansAllData_andNoReasonCodeIsOmitted() {
    assertThat(new RateLimit(Duration.ofSeconds(2700), List.of(), "organization", "").headerPart())
        .isEqualTo("2700::organization");
  }

  @Test
  void fractionalSeconds_roundUp_soAShortLimitIsNeverAnnouncedAsZero() {
    assertThat(
            new RateLimit(Duration.ofMillis(200), List.of("session"), "key", "")
                .retryAfterSeconds())
        .isEqualTo(1);
    assertThat(new RateLimit(Duration.ZERO, List.of("session"), "key", "").retryAfterSeconds())
        .isZero();
  }

  @Test
  void severalLimits_joinWithCommaSpace_andRetryAfterIsTheLongest() {
    List<RateLimit> limits =
        List.of(
            new RateLimit(Duration.ofSeconds(60), List.of("error"), "key", ""),
            new RateLimit(Duration.ofSeconds(2700), List.of("session"), "project", "quota"));

    assertThat(RateLimit.headerValue(limits)).isEqualTo("60:error:key, 2700:session:project:quota");
    assertThat(RateLimit.retryAfterSeconds(limits)).isEqualTo(2700);
    assertThat(RateLimit.retryAfterSeconds(List.of())).isZero();
  }

  @Test
  void malformedParts_cannotBeBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimit(Duration.ofSeconds(-1), List.of(), "key", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimit(Duration.ofSeconds(1), List.of("error:x"), "key", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimit(Duration.ofSeconds(1), List.of(), "team", ""));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimit(Duration.ofSeconds(1), List.of(), "key", "Crash Budget"));
  }
}
