package dev.gonogo.it.containers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The image under test. {@code -Dgonogo.candidate.image=<image>} runs a ready image (any build a
 * user wants to gate); otherwise the image is built once per test run from the candidate's runnable
 * jar ({@code gonogo.candidate.jar}, copied by the build) on the pinned runtime image.
 */
public final class CandidateImage {
  public static final String IMAGE_PROPERTY = "gonogo.candidate.image";
  public static final String JAR_PROPERTY = "gonogo.candidate.jar";

  /** A numeric uid, so any Java runtime image works without a named user in it. */
  private static final String RUNTIME_UID = "10001";

  private static Future<String> image;

  private CandidateImage() {}

  public static synchronized Future<String> get() {
    if (image == null) {
      image = resolve();
    }
    return image;
  }

  private static Future<String> resolve() {
    String named = System.getProperty(IMAGE_PROPERTY, "").trim();
    if (!named.isEmpty()) {
      return new RemoteDockerImage(DockerImageName.parse(named))
          .withImagePullPolicy(new OfflinePullPolicy());
    }
    String jarProperty = System.getProperty(JAR_PROPERTY, "").trim();
    if (jarProperty.isEmpty()) {
      throw new IllegalStateException(
          "neither -D"
              + IMAGE_PROPERTY
              + " nor -D"
              + JAR_PROPERTY
              + " is set; run through Maven"
              + " (./mvnw verify), which copies the candidate jar, or name an image");
    }
    Path jar = Path.of(jarProperty);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "candidate jar "
              + jar.toAbsolutePath()
              + " does not exist; build beta-feedback first"
              + " (./mvnw verify builds it in the same reactor)");
    }
    return new ImageFromDockerfile("gonogo/beta-feedback-candidate", true)
        .withFileFromPath("beta-feedback.jar", jar)
        .withDockerfileFromBuilder(
            dockerfile ->
                dockerfile
                    .from(Images.RUNTIME.asCanonicalNameString())
                    .user("root")
                    .run("mkdir -p /app /data && chmod 0777 /data")
                    .copy("beta-feedback.jar", "/app/beta-feedback.jar")
                    .user(RUNTIME_UID)
                    .workDir("/data")
                    .env("GONOGO_SERVER_HOST", "0.0.0.0")
                    .env("GONOGO_SERVER_PORT", String.valueOf(BetaFeedbackContainer.PORT))
                    .env("GONOGO_STORE_URL", "jdbc:sqlite:/data/beta-feedback.db")
                    .expose(BetaFeedbackContainer.PORT)
                    .entryPoint("java", "-XX:MaxRAMPercentage=50", "-jar", "/app/beta-feedback.jar")
                    .build());
  }
}
