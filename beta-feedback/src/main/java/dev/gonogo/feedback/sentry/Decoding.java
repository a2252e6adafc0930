package dev.gonogo.feedback.sentry;

import dev.gonogo.feedback.sentry.internal.BoundedStream;
import dev.gonogo.feedback.sentry.internal.BoundedStream.LimitExceeded;
import dev.gonogo.feedback.sentry.internal.BoundedStream.SourceFailure;
import dev.gonogo.feedback.sentry.internal.ContentDecoders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;

/**
 * Reads a request body and undoes its Content-Encoding: {@code identity} (or none), {@code gzip},
 * {@code deflate} (zlib-wrapped or raw), {@code br}, {@code zstd}, and comma-separated chains of
 * them. The official Java SDK sends gzip.
 *
 * <p>Reading is incremental: the body as sent is counted against {@link
 * BodyLimits#maxCompressedBytes()} and the decoded bytes against {@link
 * BodyLimits#maxDecompressedBytes()}, and the first byte over either limit ends the read. A small
 * body that inflates enormously (a decompression bomb) is therefore refused after about the limit,
 * never allocated in full.
 */
public final class Decoding {
  private static final int CHUNK = 8192;

  private Decoding() {}

  /**
   * The decoded body. An empty body (zero bytes, whatever the encoding claims) decodes to an empty
   * array; the envelope parser refuses that as {@code empty_body}. The caller's stream is read but
   * not closed.
   *
   * @throws RejectedException {@code unsupported_encoding} (before reading), {@code
   *     body_too_large}, {@code decompression_bomb}, {@code malformed_compression}
   * @throws IOException when reading the caller's stream fails (a transport problem)
   */
  public static byte[] decode(InputStream body, String contentEncoding, BodyLimits limits)
      throws IOException {
    return decode(body, contentEncoding, limits, bytes -> {});
  }

  /**
   * Like {@link #decode(InputStream, String, BodyLimits)}, and asks {@code reservation} for every
   * chunk of decoded bytes before keeping it, so a caller can bound the memory all requests hold
   * together. Whatever {@code reservation} throws ends the read and reaches the caller unchanged.
   */
  public static byte[] decode(
      InputStream body, String contentEncoding, BodyLimits limits, Reservation reservation)
      throws IOException {
    List<String> codings = ContentDecoders.decodingOrder(contentEncoding);
    BoundedStream source = BoundedStream.source(body, limits.maxCompressedBytes());
    PushbackInputStream peek = new PushbackInputStream(source, 1);
    try {
      int first = peek.read();
      if (first < 0) {
        return new byte[0];
      }
      peek.unread(first);
      if (codings.isEmpty()) {
        long max = Math.min(limits.maxCompressedBytes(), limits.maxDecompressedBytes());
        return readAll(peek, max, RejectReason.BODY_TOO_LARGE, "request body", reservation);
      }
      return decodeLayers(peek, codings, limits, contentEncoding, reservation);
    } catch (LimitExceeded e) {
      throw e.rejection();
    } catch (SourceFailure e) {
      throw e.original();
    } catch (ReservationRefused e) {
      throw e.original;
    }
  }

  /** Asked before each chunk of decoded bytes is kept; throws to refuse it. */
  @FunctionalInterface
  public interface Reservation {
    void reserve(int bytes);
  }

  /** Carries what a {@link Reservation} threw past the decoders, which wrap what they see. */
  private static final class ReservationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RuntimeException original;

    ReservationRefused(RuntimeException original) {
      super(original.getMessage(), original, false, false);
      this.original = original;
    }
  }

  private static byte[] decodeLayers(
      InputStream raw,
      List<String> codings,
      BodyLimits limits,
      String contentEncoding,
      Reservation reservation)
      throws IOException {
    InputStream in = raw;
    try {
      for (String coding : codings) {
        in =
            BoundedStream.layer(
                ContentDecoders.open(coding, in),
                limits.maxDecompressedBytes(),
                RejectReason.DECOMPRESSION_BOMB,
                coding + "-decoded body");
      }
      return readAll(
          in,
          limits.maxDecompressedBytes(),
          RejectReason.DECOMPRESSION_BOMB,
          "decoded body",
          reservation);
    } catch (IOException | RuntimeException e) {
      throw classify(e, contentEncoding);
    } finally {
      closeQuietly(in);
    }
  }

  /**
   * Decoders wrap what their input throws (Brotli turns it into its own runtime exception), so the
   * limit and transport markers are looked for along the cause chain.
   */
  private static RuntimeException classify(Exception e, String contentEncoding) throws IOException {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ReservationRefused refused) {
        throw refused;
      }
      if (t instanceof RejectedException) {
        throw (RejectedException) t;
      }
      if (t instanceof LimitExceeded) {
        throw ((LimitExceeded) t).rejection();
      }
      if (t instanceof SourceFailure) {
        throw ((SourceFailure) t).original();
      }
    }
    return new RejectedException(
        RejectReason.MALFORMED_COMPRESSION,
        "body does not decode as Content-Encoding '" + contentEncoding + "': " + e);
  }

  private static byte[] readAll(
      InputStream in, long max, RejectReason reason, String what, Reservation reservation)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) >= 0) {
      total += n;
      if (total > max) {
        throw new RejectedException(
            reason, what + " is larger than the limit of " + max + " bytes (read " + total + ")");
      }
      try {
        reservation.reserve(n);
      } catch (RuntimeException refused) {
        throw new ReservationRefused(refused);
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // Closing a decoder after a failure may fail again; the first failure is what counts.
    }
  }
}
