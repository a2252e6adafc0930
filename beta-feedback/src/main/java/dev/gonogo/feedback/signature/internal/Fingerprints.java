package dev.gonogo.feedback.signature.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Hashes grouping components into a fingerprint.
 *
 * <p>SHA-256 over the components, each written as its UTF-8 bytes prefixed with their count and
 * followed by a newline ({@code 7:unknown\n}), so that {@code ["a|b", "c"]} and {@code ["a",
 * "b|c"]} differ; the first 16 bytes of the digest as 32 lowercase hex digits. 128 bits make an
 * accidental collision between two of a project's signatures negligible, and the value depends only
 * on the components — not on the JVM, the locale or the time.
 */
public final class Fingerprints {
  /**
   * Leads every component list. Bump it when a rule change is meant to regroup existing crashes, so
   * old and new fingerprints can never be mistaken for each other.
   */
  public static final String VERSION = "gonogo-signature-v1";

  private static final int BYTES = 16;

  private Fingerprints() {}

  /** The fingerprint of {@code components}, which should start with {@link #VERSION}. */
  public static String of(List<String> components) {
    MessageDigest sha256 = sha256();
    for (String component : components) {
      byte[] bytes = (component == null ? "" : component).getBytes(StandardCharsets.UTF_8);
      sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha256.update(bytes);
      sha256.update((byte) '\n');
    }
    byte[] digest = sha256.digest();
    return HexFormat.of().formatHex(digest, 0, BYTES);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
