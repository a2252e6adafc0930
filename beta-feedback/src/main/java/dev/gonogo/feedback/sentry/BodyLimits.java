package dev.gonogo.feedback.sentry;

/**
 * How much of a request body this service reads: as sent ({@code maxCompressedBytes}) and after
 * undoing its Content-Encoding ({@code maxDecompressedBytes}). For an unencoded body the smaller of
 * the two applies.
 */
public record BodyLimits(long maxCompressedBytes, long maxDecompressedBytes) {
  /** A byte array cannot be larger; the decoded body is returned as one. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** Relay's documented limits for an envelope: 20 MiB as sent, 50 MiB decompressed. */
  public static final BodyLimits RELAY_DEFAULTS = new BodyLimits(20L << 20, 50L << 20);

  public BodyLimits {
    if (maxCompressedBytes <= 0 || maxDecompressedBytes <= 0) {
      throw new IllegalArgumentException(
          "body limits must be positive, got "
              + maxCompressedBytes
              + " compressed / "
              + maxDecompressedBytes
              + " decompressed");
    }
    if (maxDecompressedBytes > MAX_ARRAY) {
      throw new IllegalArgumentException(
          "maxDecompressedBytes " + maxDecompressedBytes + " exceeds " + MAX_ARRAY);
    }
  }

  /**
   * Refuses a declared Content-Length over the limit before any byte is read. A missing length (-1,
   * chunked transfer) passes: {@link Decoding} still counts while reading.
   */
  public void checkContentLength(long contentLength) {
    if (contentLength > maxCompressedBytes) {
      throw new RejectedException(
          RejectReason.BODY_TOO_LARGE,
          "Content-Length "
              + contentLength
              + " is larger than the limit of "
              + maxCompressedBytes
              + " bytes");
    }
  }
}
