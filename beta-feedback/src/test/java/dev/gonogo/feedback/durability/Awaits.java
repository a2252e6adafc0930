package dev.gonogo.feedback.durability;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** The waits of the durability tests: named, bounded, immutable; add an alias at each use. */
final class Awaits {
  private Awaits() {}

  /** A service JVM starts, migrates its store and writes its ready file. */
  static final ConditionFactory SERVICE_READY =
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25));

  /** A killed or terminated service JVM is gone. */
  static final ConditionFactory PROCESS_EXITED =
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10));

  /** Concurrent clients reach a number of acknowledged envelopes. */
  static final ConditionFactory ACKNOWLEDGED =
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5));

  /** Client threads notice that the service is gone and stop. */
  static final ConditionFactory CLIENTS_STOPPED =
      Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10));
}
