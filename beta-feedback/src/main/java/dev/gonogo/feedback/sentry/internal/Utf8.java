package dev.gonogo.feedback.sentry.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 validation without decoding the whole input into one string. */
public final class Utf8 {
  private Utf8() {}

  /**
   * The offset (relative to {@code offset}) of the first byte that is not valid UTF-8, or -1.
   * Overlong forms, surrogates and truncated sequences are invalid.
   */
  public static int firstInvalidByte(byte[] bytes, int offset, int length) {
    // Fast path: ASCII is the common case for JSON.
    int end = offset + length;
    int i = offset;
    while (i < end && bytes[i] >= 0) {
      i++;
    }
    if (i == end) {
      return -1;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, i, end - i);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position() - offset;
      }
      if (result.isUnderflow()) {
        result = decoder.flush(out);
        return result.isError() ? in.position() - offset : -1;
      }
      out.clear();
    }
  }
}
