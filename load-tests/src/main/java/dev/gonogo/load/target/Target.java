package dev.gonogo.load.target;

import dev.gonogo.load.config.TargetConfig;
import dev.gonogo.load.target.internal.ExternalTarget;
import java.net.URI;

/**
 * The system under test as the simulations see it: a base URL that answered {@code GET /ready} with
 * 200, and a {@link #close()} that releases whatever the suite started for it.
 */
public interface Target extends AutoCloseable {

  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:43123}. */
  URI baseUri();

  /** One line for logs and reports: what the target is and where to look when it misbehaves. */
  String describe();

  /** Stops what the suite started; does nothing for a target it did not start. Idempotent. */
  @Override
  void close();

  /**
   * The configured target, ready: the running candidate at {@code gonogo.target} when set, else a
   * candidate started from {@code gonogo.candidate.jar} as a separate process.
   *
   * @throws TargetException when the target is not ready in time; the message says what was tried
   *     and where the candidate's log is
   */
  static Target resolve(TargetConfig config) {
    return config.url().isPresent()
        ? ExternalTarget.awaitReady(config.url().get(), config.readyTimeout())
        : CandidateProcess.start(config.candidate(), config.readyTimeout());
  }
}
