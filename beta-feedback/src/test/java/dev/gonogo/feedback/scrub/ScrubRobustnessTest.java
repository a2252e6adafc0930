package dev.gonogo.feedback.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text rules scan by hand, so generated strings made of what they react to must never make them
 * throw, and scrubbing their output again must change nothing.
 *
 * <p>One known exception, accepted: address-like tokens glued together without a separator ({@code
 * 10.0.0.1::1}) are one token in the first pass and two once the first is replaced, so a second
 * pass may replace more. It never reveals anything.
 */
class ScrubRobustnessTest {
  private static final long SEED = 20250611L; // fixed: a failure must reproduce
  private static final int RUNS = 20_000;
  private static final String ALPHABET = "0123456789abcdefxyzABCF:.@%40-_ =&;\"'[]\n";
  private static final String[] TOKENS = {
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "4111111111111111",
    "4539148803436468",
    "10.0.0.1",
    "v10.0.0.1",
    "::1",
    "::",
    "fe80::1%eth0",
    "2001:db8::8329",
    "12:00:00",
    "jane@x.org",
    "%40",
    "x.org",
    "token=abc",
    "password: \"a b\"",
    "Bearer xyz",
    "1.4.0-beta.2",
    "255",
    "a"
  };
  private static final String[] SEPARATORS = {
    " ", ", ", "; ", " (", ") ", "\n", "&", "=", ":", "\""
  };

  private final Scrubber scrubber = new Scrubber(ScrubSettings.defaults());

  @Test
  void randomCharacters_scrubbingTwiceChangesNothing() {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(60); i >= 0; i--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }

      assertStable(text.toString());
    }
  }

  @Test
  void separatedTokens_scrubbingTwiceChangesNothing() {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
        text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }

      assertStable(text.toString());
    }
  }

  @Test
  void gluedTokens_neverThrow() {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
      }

      assertThatNoException()
          .as("input %s", quoted(text))
          .isThrownBy(() -> scrubber.scrubText(scrubber.scrubText(text.toString())));
    }
  }

  private void assertStable(String text) {
    String once = scrubber.scrubText(text);

    assertThat(scrubber.scrubText(once)).as("input %s", quoted(text)).isEqualTo(once);
  }

  private static String quoted(CharSequence text) {
    return "\"" + text.toString().replace("\n", "\\n") + "\"";
  }
}
