package dev.gonogo.it.containers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.testcontainers.utility.DockerImageName;

/**
 * The images the suites run, pinned in one place: {@code images/images.properties} at the
 * repository root, the same file {@code scripts/build-images} builds them from. Each can be pointed
 * elsewhere with {@code -Dgonogo.image.<key>=<image>}, e.g. official images where a registry is
 * reachable (then also {@code -Dgonogo.images.pull=missing}).
 */
public final class Images {
  private static final String RESOURCE = "/dev/gonogo/it/images.properties";
  private static final Properties PINNED = load();

  /** Java 17 runtime the candidate image is built on. */
  public static final DockerImageName RUNTIME = pinned("runtime");

  /** PostgreSQL 15+, usable by Testcontainers' PostgreSQL module. */
  public static final DockerImageName POSTGRES =
      pinned("postgres").asCompatibleSubstituteFor("postgres");

  private Images() {}

  private static DockerImageName pinned(String key) {
    String override = System.getProperty("gonogo.image." + key, "").trim();
    if (!override.isEmpty()) {
      return DockerImageName.parse(override);
    }
    String name = PINNED.getProperty(key, "").trim();
    if (name.isEmpty()) {
      throw new IllegalStateException(
          "no image named '" + key + "' in images/images.properties (classpath " + RESOURCE + ")");
    }
    return DockerImageName.parse(name);
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Images.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + RESOURCE + " is missing; the build copies it from images/");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    return properties;
  }
}
