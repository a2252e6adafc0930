package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
          Payment 3fa85f64-5717-4562-b3fc-2c963f66afa6 failed                 | Payment <uuid> failed
          failed after 3 retries in 1.5 s                                     | failed after <n> retries in <n> s
          segfault at 0x7ff8a1b2c3d4                                          | segfault at <hex>
          commit 9fceb02d0ae598e95dc970b74767f19372d61af8 missing             | commit <hex> missing
          cannot reach 10.0.12.7:5432                                         | cannot reach <ip>:<n>
          job started 2024-05-01T12:30:45.123Z stalled                        | job started <date> stalled
          utf8 decoder v2 failed                                              | utf8 decoder v2 failed
          user 'bob' not found                                                | user 'bob' not found
          '  too   many    spaces  '                                          | too many spaces
          '   '                                                               | null
          """)
  void normalise_replacesPerOccurrenceData(String text, String normalised) {
    assertThat(Messages.normalise(text)).isEqualTo(normalised);
  }
}
