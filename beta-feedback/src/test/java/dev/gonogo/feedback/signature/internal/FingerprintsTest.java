package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

  // Expected values computed outside Java, from the documented encoding:
  // sha256(b"".join(b"%d:%s\n" % (len(c.encode()), c.encode()) for c in components))[:16].hex()

  @Test
  void of_matchesTheDocumentedEncoding_forAsciiComponents() {
    assertThat(Fingerprints.of(List.of(Fingerprints.VERSION, "unknown")))
        .isEqualTo("984d2f33d5cbd909379374bccfdedfa9");
  }

  @Test
  void of_countsUtf8Bytes_notJavaChars() {
    assertThat(Fingerprints.of(List.of(Fingerprints.VERSION, "message:Größe ≠ 3 😀")))
        .isEqualTo("a9ba4a9cc43ea222837dfe919df40161");
  }

  @Test
  void of_keepsComponentBoundaries() {
    assertThat(Fingerprints.of(List.of(Fingerprints.VERSION, "a|b", "c")))
        .isEqualTo("30dd5b72b346a21ad8b2b6a2c59c87bd");
    assertThat(Fingerprints.of(List.of(Fingerprints.VERSION, "a", "b|c")))
        .isEqualTo("aa9dbf91993d5bad0d6704f1a36792b1");
  }
}
