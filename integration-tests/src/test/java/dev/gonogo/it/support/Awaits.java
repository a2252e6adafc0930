package dev.gonogo.it.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Named, immutable wait policies: every wait says what it waits for, and never sleeps blindly. A
 * call site narrows a policy with {@code alias(...)} (what exactly it waits for) and {@code
 * failFast(...)} (a state from which waiting cannot help).
 */
public final class Awaits {
  /** A freshly started service answers on its mapped port. */
  public static final ConditionFactory REACHABLE =
      Awaitility.await("service answers over its mapped port")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions();

  /** A line the service prints at start appears in its container log. */
  public static final ConditionFactory LOGGED =
      Awaitility.await("start-up line in the container log")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100));

  /**
   * What a client sent (and, for an SDK, may still be sending from its background queue) is visible
   * through the read API. Bounded: a release manager waits seconds, not minutes.
   */
  public static final ConditionFactory INGESTED =
      Awaitility.await("data visible through the read API")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250));

  /** A load running in the background reaches a count (of answers, of acknowledgements). */
  public static final ConditionFactory LOAD_PROGRESS =
      Awaitility.await("background load reaches a count")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100));

  /** The service notices that its database stopped answering. */
  public static final ConditionFactory OUTAGE_NOTICED =
      Awaitility.await("service reports its database unavailable")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250));

  /** The service recovers by itself once its database answers again, with no restart. */
  public static final ConditionFactory RECOVERED =
      Awaitility.await("service recovers by itself after its database is back")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500));

  private Awaits() {}

  /**
   * A condition must hold without a break for {@code period} ("stays healthy"), checked every half
   * second, and that within {@code period} + 5 s: a failed check after the first 5 s fails the wait
   * (one check may take seconds when the service is slow to answer).
   */
  public static ConditionFactory throughout(String what, Duration period) {
    return Awaitility.await(what)
        .during(period)
        .atMost(period.plusSeconds(5))
        .pollInterval(Duration.ofMillis(500));
  }
}
