package dev.gonogo.feedback.sentry;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The golden envelope files of {@code src/test/resources/envelopes/}: read by the protocol tests
 * and sent over HTTP by the endpoint tests.
 */
public final class GoldenEnvelopeFiles {
  private GoldenEnvelopeFiles() {}

  public static List<Named<Path>> valid() throws IOException {
    return envelopesIn("valid");
  }

  /** Files named {@code <reason_code>[-case].envelope}. */
  public static List<Named<Path>> malformed() throws IOException {
    return envelopesIn("malformed");
  }

  private static List<Named<Path>> envelopesIn(String name) throws IOException {
    try (Stream<Path> files = Files.list(folder(name))) {
      return files
          .filter(f -> f.toString().endsWith(".envelope"))
          .sorted(Comparator.comparing(Path::toString))
          .map(f -> Named.of(f.getFileName().toString().replace(".envelope", ""), f))
          .toList();
    }
  }

  public static Path folder(String name) {
    try {
      return Path.of(GoldenEnvelopeFiles.class.getResource("/envelopes/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The longest reason code the file name starts with, followed by '-' or the extension. */
  public static RejectReason reasonNamedBy(Path file) {
    String name = file.getFileName().toString();
    return Arrays.stream(RejectReason.values())
        .filter(r -> name.startsWith(r.code() + "-") || name.startsWith(r.code() + "."))
        .max(Comparator.comparingInt(r -> r.code().length()))
        .orElseThrow(() -> new AssertionError(name + " does not start with a reject reason code"));
  }
}
