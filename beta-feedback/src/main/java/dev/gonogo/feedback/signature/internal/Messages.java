package dev.gonogo.feedback.signature.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises free text (an event's log message, an exception's value) so that messages differing
 * only in per-occurrence data group together: {@code Payment 3fa85f64-5717-4562-b3fc-2c963f66afa6
 * failed after 3 retries (code 0x1f)} → {@code Payment <uuid> failed after <n> retries (code
 * <hex>)}.
 *
 * <p>Replaced, in this order: ISO-8601 timestamps ({@code <date>}), UUIDs ({@code <uuid>}), {@code
 * 0x} numbers and hex strings of 16 or more digits ({@code <hex>}), IPv4 addresses ({@code <ip>}),
 * numbers standing alone as a word ({@code <n>}; {@code v2} and {@code utf8} stay). Whitespace is
 * collapsed. Quoted strings are kept: they more often name the thing that failed than the
 * occurrence.
 */
final class Messages {
  private record Rewrite(Pattern pattern, String replacement) {}

  private static final List<Rewrite> REWRITES =
      List.of(
          new Rewrite(
              Pattern.compile(
                  "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"),
              "<date>"),
          new Rewrite(
              Pattern.compile(
                  "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
              "<uuid>"),
          new Rewrite(Pattern.compile("\\b0x[0-9a-fA-F]+\\b"), "<hex>"),
          new Rewrite(Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{16,}\\b"), "<hex>"),
          new Rewrite(Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b"), "<ip>"),
          new Rewrite(Pattern.compile("\\b\\d+(\\.\\d+)?\\b"), "<n>"));

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Messages() {}

  /** The normalised text, or {@code null} for {@code null} or blank text. */
  static String normalise(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String result = WHITESPACE.matcher(text).replaceAll(" ").trim();
    for (Rewrite rewrite : REWRITES) {
      result = rewrite.pattern().matcher(result).replaceAll(rewrite.replacement());
    }
    return result;
  }
}
