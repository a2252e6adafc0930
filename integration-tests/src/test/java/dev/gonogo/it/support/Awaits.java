package dev.gonogo.it.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Named, immutable wait policies: every wait says what it waits for, and never sleeps blindly. */
public final class Awaits {
  /** A freshly started service answers on its mapped port. */
  public static final ConditionFactory REACHABLE =
      Awaitility.await("service answers over its mapped port")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions();

  private Awaits() {}
}
