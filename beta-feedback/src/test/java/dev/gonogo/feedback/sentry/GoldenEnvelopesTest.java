package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden envelopes: {@code envelopes/valid/X.envelope} must parse (framing and every typed item) to
 * exactly what {@code X.expected} says; {@code envelopes/malformed/<reason_code>[-case].envelope}
 * must be refused with that code. See {@code envelopes/README.md}.
 */
class GoldenEnvelopesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEnvelopes")
  void validEnvelope_parsesToItsExpectedSummary(Path file) throws IOException {
    Envelope envelope = EnvelopeParser.parse(Files.readAllBytes(file));

    String expected = Files.readString(sibling(file, ".expected"), StandardCharsets.UTF_8);
    assertThat(EnvelopeSummary.of(envelope)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validEnvelopes")
  void validEnvelope_writtenBackAndReparsed_readsTheSame(Path file) throws IOException {
    Envelope envelope = EnvelopeParser.parse(Files.readAllBytes(file));

    Envelope again = EnvelopeParser.parse(envelope.toBytes());

    assertThat(again.header()).isEqualTo(envelope.header());
    assertThat(EnvelopeSummary.of(again).replace("implicit length", "explicit length"))
        .isEqualTo(EnvelopeSummary.of(envelope).replace("implicit length", "explicit length"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedEnvelopes")
  void malformedEnvelope_isRejectedWithTheCodeInItsName(Path file) throws IOException {
    RejectReason expected = reasonNamedBy(file);
    byte[] body = Files.readAllBytes(file);

    RejectedException rejected =
        catchThrowableOfType(RejectedException.class, () -> parseFully(body));

    assertThat(rejected).as("%s must be rejected", file.getFileName()).isNotNull();
    assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(expected);
    assertThat(rejected.detail()).isNotBlank();
  }

  @Test
  void goldenFolders_areNotEmpty_andEveryValidFileHasItsExpectation() throws IOException {
    assertThat(validEnvelopes()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(malformedEnvelopes()).hasSizeGreaterThanOrEqualTo(20);
    try (Stream<Path> files = Files.list(folder("valid"))) {
      List<Path> orphans =
          files
              .filter(f -> f.toString().endsWith(".expected"))
              .filter(f -> !Files.exists(sibling(f, ".envelope")))
              .toList();
      assertThat(orphans).as("expectations without an envelope").isEmpty();
    }
  }

  @Test
  void malformedFileNames_allNameAReasonCode() throws IOException {
    assertThatThrownBy(() -> reasonNamedBy(Path.of("no_such_code-case.envelope")))
        .isInstanceOf(AssertionError.class);
    assertThat(malformedEnvelopes().stream().map(f -> reasonNamedBy(f.getPayload())))
        .doesNotContainNull();
  }

  /** What the service does with a body: frame it, then read every item of a known type. */
  private static void parseFully(byte[] body) {
    Envelope envelope = EnvelopeParser.parse(body);
    envelope.items().forEach(ItemPayload::parse);
  }

  static List<Named<Path>> validEnvelopes() throws IOException {
    return GoldenEnvelopeFiles.valid();
  }

  static List<Named<Path>> malformedEnvelopes() throws IOException {
    return GoldenEnvelopeFiles.malformed();
  }

  private static RejectReason reasonNamedBy(Path file) {
    return GoldenEnvelopeFiles.reasonNamedBy(file);
  }

  private static Path folder(String name) {
    return GoldenEnvelopeFiles.folder(name);
  }

  private static Path sibling(Path file, String extension) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
  }
}
