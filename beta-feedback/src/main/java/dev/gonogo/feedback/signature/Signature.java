package dev.gonogo.feedback.signature;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The group a crash belongs to.
 *
 * @param title what a release manager reads, e.g. {@code java.lang.NullPointerException: at
 *     com.acme.call.Reply.onTimeout}; never blank, at most {@value #MAX_TITLE_LENGTH} characters.
 *     Two signatures may share a title and still differ in fingerprint (the fingerprint also looks
 *     at the frames below the top one).
 * @param fingerprint the group's identity: {@value #FINGERPRINT_HEX_LENGTH} lowercase hex digits of
 *     a SHA-256 over the normalised grouping components (exception type and top frames, or the
 *     normalised message) — never over the title's text. Stable across builds of the same code.
 * @param notes what each rule of the pipeline did, in order, and which rule failed with what
 *     message ({@code rule <name> failed: <message>})
 */
public record Signature(String title, String fingerprint, List<String> notes) {

  /** Longest title kept; longer ones are cut and end in {@code ...}. */
  public static final int MAX_TITLE_LENGTH = 255;

  /** Fingerprints are 128 bits: SHA-256 truncated to 32 hex digits. */
  public static final int FINGERPRINT_HEX_LENGTH = 32;

  private static final Pattern FINGERPRINT =
      Pattern.compile("[0-9a-f]{" + FINGERPRINT_HEX_LENGTH + "}");

  public Signature {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title is blank; use \"unknown\" with a note instead");
    }
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "title has " + title.length() + " characters, more than " + MAX_TITLE_LENGTH);
    }
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException(
          "fingerprint '"
              + fingerprint
              + "' is not "
              + FINGERPRINT_HEX_LENGTH
              + " lowercase hex digits");
    }
    notes = List.copyOf(notes == null ? List.of() : notes);
  }
}
