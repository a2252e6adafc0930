package dev.gonogo.load.target.internal;

import dev.gonogo.load.target.Target;
import dev.gonogo.load.target.TargetException;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A candidate someone else runs ({@code gonogo.target}); the suite only checks it is ready. */
public final class ExternalTarget implements Target {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalTarget.class);

  private final URI baseUri;

  private ExternalTarget(URI baseUri) {
    this.baseUri = baseUri;
  }

  /** Waits, bounded, until {@code GET <baseUri>/ready} answers 200. */
  public static ExternalTarget awaitReady(URI baseUri, Duration timeout) {
    ReadyProbe probe = new ReadyProbe();
    try {
      Awaitility.await("target " + baseUri + " ready")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(ReadyProbe.POLL_INTERVAL)
          .until(() -> probe.isReady(baseUri));
    } catch (ConditionTimeoutException notReady) {
      throw new TargetException(
          "The target "
              + baseUri
              + " (gonogo.target) did not answer GET /ready with 200 within "
              + timeout.toSeconds()
              + " s; last observed: "
              + probe.lastObservation()
              + ". Is the candidate running there? Leave gonogo.target empty to let the suite"
              + " start one from gonogo.candidate.jar.");
    }
    LOG.info("Using the running target {} (gonogo.target); the suite will not stop it", baseUri);
    return new ExternalTarget(baseUri);
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public String describe() {
    return "running target " + baseUri + " (gonogo.target, not started by the suite)";
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
