package dev.gonogo.feedback.sentry.internal;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/** The Content-Encoding header: which decoders, in which order, and opening them. */
public final class ContentDecoders {
  /** More layers than this is not a real client. */
  public static final int MAX_LAYERS = 3;

  private static final int BUFFER = 8192;

  private ContentDecoders() {}

  /**
   * The codings to undo, in decoding order (the header lists them in the order applied, so the last
   * is undone first). {@code identity} and empty entries are dropped; names are case-insensitive;
   * {@code x-gzip} is gzip.
   */
  public static List<String> decodingOrder(String contentEncoding) {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return List.of();
    }
    List<String> codings = new ArrayList<>();
    for (String part : contentEncoding.split(",")) {
      String coding = part.trim().toLowerCase(Locale.ROOT);
      if (coding.isEmpty() || coding.equals("identity")) {
        continue;
      }
      if (coding.equals("x-gzip")) {
        coding = "gzip";
      }
      if (!List.of("gzip", "deflate", "br", "zstd").contains(coding)) {
        throw new RejectedException(
            RejectReason.UNSUPPORTED_ENCODING,
            "Content-Encoding "
                + Quote.of(contentEncoding)
                + ": "
                + Quote.of(coding)
                + " is not one of identity, gzip, deflate, br, zstd");
      }
      codings.add(coding);
    }
    if (codings.size() > MAX_LAYERS) {
      throw new RejectedException(
          RejectReason.UNSUPPORTED_ENCODING,
          "Content-Encoding "
              + Quote.of(contentEncoding)
              + " has "
              + codings.size()
              + " layers, at most "
              + MAX_LAYERS
              + " are decoded");
    }
    Collections.reverse(codings);
    return List.copyOf(codings);
  }

  /** Wraps {@code in} in the decoder for one coding from {@link #decodingOrder}. */
  public static InputStream open(String coding, InputStream in) throws IOException {
    switch (coding) {
      case "gzip":
        return new GZIPInputStream(in, BUFFER);
      case "deflate":
        return deflate(in);
      case "br":
        return new BrotliInputStream(in);
      case "zstd":
        return new ZstdInputStreamNoFinalizer(in);
      default:
        throw new IllegalArgumentException("not a coding from decodingOrder: " + coding);
    }
  }

  /**
   * HTTP says deflate is zlib-wrapped (RFC 1950), but some clients send raw deflate (RFC 1951): a
   * zlib stream starts with a method byte of 8 and a header checksum divisible by 31.
   */
  private static InputStream deflate(InputStream in) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    byte[] head = new byte[2];
    int n = peek.readNBytes(head, 0, 2);
    peek.unread(head, 0, n);
    boolean zlib =
        n == 2
            && (head[0] & 0x0f) == 8
            && ((head[0] & 0xff) >> 4) <= 7
            && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(peek, inflater, BUFFER) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          inflater.end();
        }
      }
    };
  }
}
