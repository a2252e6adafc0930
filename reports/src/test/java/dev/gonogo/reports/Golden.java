package dev.gonogo.reports;

import dev.gonogo.reports.policy.ReleasePolicy;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The golden input folders under src/test/resources/golden and the repository's policy. */
public final class Golden {
  private Golden() {}

  public static Path path(String relative) {
    try {
      return Path.of(Golden.class.getResource("/golden/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no golden file " + relative, e);
    }
  }

  /** The repository's release-policy.yaml (the module runs in reports/). */
  public static Path policyFile() {
    Path p = Path.of("..", "release-policy.yaml").toAbsolutePath().normalize();
    return p;
  }

  public static ReleasePolicy policy() {
    return ReleasePolicy.load(policyFile());
  }
}
