package dev.gonogo.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.feedback.ingest.RateLimiter.Decision;
import dev.gonogo.feedback.ingest.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();

  private int allowed(RateLimiter limiter, String project, String release, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire(project, release).allowed()) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void projectLimit_allowsTheBurst_thenRefusesWithRetryAfter() {
    RateLimiter limiter = new RateLimiter(new Limit(10, 20), Limit.unlimited(), 100, clock);

    assertThat(allowed(limiter, "1", "r", 50)).isEqualTo(20);
    Decision refused = limiter.tryAcquire("1", "r");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.scope()).isEqualTo("project");
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void tokensRefillAtTheConfiguredRate() {
    RateLimiter limiter = new RateLimiter(new Limit(10, 10), Limit.unlimited(), 100, clock);
    allowed(limiter, "1", "r", 10);

    clock.advance(Duration.ofMillis(500));

    assertThat(allowed(limiter, "1", "r", 100)).isEqualTo(5);
  }

  @Test
  void releaseLimit_throttlesOneRelease_notItsNeighbour() {
    RateLimiter limiter = new RateLimiter(Limit.unlimited(), new Limit(1, 5), 100, clock);

    assertThat(allowed(limiter, "1", "1.0.0-beta.1", 20)).isEqualTo(5);
    assertThat(limiter.tryAcquire("1", "1.0.0-beta.1").scope()).isEqualTo("release");
    assertThat(allowed(limiter, "1", "1.0.0-beta.2", 20)).isEqualTo(5);
    assertThat(allowed(limiter, "2", "1.0.0-beta.1", 20)).as("another project").isEqualTo(5);
  }

  @Test
  void refusedByTheRelease_doesNotSpendAProjectToken() {
    RateLimiter limiter = new RateLimiter(new Limit(1, 10), new Limit(1, 4), 100, clock);

    assertThat(allowed(limiter, "1", "hot", 50)).isEqualTo(4);

    assertThat(allowed(limiter, "1", "b", 50) + allowed(limiter, "1", "c", 50))
        .as("the 6 project tokens the 46 refused events did not spend")
        .isEqualTo(6);
  }

  @Test
  void unlimited_neverRefuses() {
    RateLimiter limiter = new RateLimiter(Limit.unlimited(), Limit.unlimited(), 100, clock);

    assertThat(allowed(limiter, "1", "r", 10_000)).isEqualTo(10_000);
  }

  @Test
  void invalidLimit_isRejected() {
    assertThatThrownBy(() -> new Limit(5, 0)).hasMessageContaining("burst");
    assertThatThrownBy(() -> new Limit(-1, 5)).hasMessageContaining("negative");
  }
}
