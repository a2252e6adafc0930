package dev.gonogo.it.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Never pulls: no registry is reachable where gonogo's own CI runs, and a pull would retry for
 * minutes before failing. An image missing from the local engine fails at once, naming the script
 * that builds it. {@code -Dgonogo.images.pull=missing} allows pulling missing images where a
 * registry exists. Installed for every container through {@code TESTCONTAINERS_PULL_POLICY}.
 */
public final class OfflinePullPolicy implements ImagePullPolicy {
  static final String ALLOW_PULL_PROPERTY = "gonogo.images.pull";

  @Override
  public boolean shouldPull(DockerImageName image) {
    if (isLocal(image)) {
      return false;
    }
    if ("missing".equals(System.getProperty(ALLOW_PULL_PROPERTY))) {
      return true;
    }
    throw new IllegalStateException(
        "image "
            + image.asCanonicalNameString()
            + " is not in the local Docker engine, and gonogo does not pull images (no registry"
            + " is reachable here). Build the base images with scripts/build-images (names are"
            + " pinned in images/images.properties), or, where a registry is reachable, run with"
            + " -D"
            + ALLOW_PULL_PROPERTY
            + "=missing.");
  }

  private static boolean isLocal(DockerImageName image) {
    try {
      DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString()).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
