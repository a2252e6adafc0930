package dev.gonogo.load.bench.payload.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip (RFC 1952) bodies made cheaply enough that the load generator, which shares the machine's
 * two cores with the service, spends its CPU on sending rather than compressing.
 *
 * <p>{@link #stitch} joins a per-request head and a tail compressed once in advance into <em>one
 * standard gzip member</em>: the head goes into a stored (uncompressed) deflate block, the tail's
 * deflate blocks follow it unchanged. A stored block ends on a byte boundary and the tail was
 * compressed without a preset dictionary, so its back-references never reach into the head: any
 * inflater reads the result as a single deflate stream. Only the CRC-32 is computed per request.
 */
public final class Gzip {
  /** ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0, XFL=0, OS=255 (unknown). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int TRAILER_LENGTH = 8;
  private static final int MAX_STORED_BLOCK = 65_535;

  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

  private Gzip() {}

  /** A tail compressed once: its bytes as they will be inflated, and their raw deflate blocks. */
  public record Tail(byte[] plain, byte[] deflated) {
    public Tail {
      plain = plain.clone();
      deflated = deflated.clone();
    }

    /** Compresses {@code plain} at the default level, as the Sentry SDKs' GZIPOutputStream does. */
    public static Tail of(byte[] plain) {
      return new Tail(plain, deflate(plain));
    }
  }

  /**
   * One gzip member holding {@code head} followed by {@code tail.plain()}.
   *
   * @throws IllegalArgumentException when the head does not fit one stored block (64 KiB)
   */
  public static byte[] stitch(byte[] head, Tail tail) {
    if (head.length > MAX_STORED_BLOCK) {
      throw new IllegalArgumentException(
          "a stitched head holds at most " + MAX_STORED_BLOCK + " bytes, got " + head.length);
    }
    byte[] deflated = tail.deflated;
    byte[] out = new byte[HEADER.length + 5 + head.length + deflated.length + TRAILER_LENGTH];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int pos = HEADER.length;
    out[pos++] = 0; // BFINAL=0, BTYPE=00 (stored); the rest of the byte is padding
    out[pos++] = (byte) head.length;
    out[pos++] = (byte) (head.length >>> 8);
    out[pos++] = (byte) ~head.length;
    out[pos++] = (byte) (~head.length >>> 8);
    System.arraycopy(head, 0, out, pos, head.length);
    pos += head.length;
    System.arraycopy(deflated, 0, out, pos, deflated.length);
    pos += deflated.length;
    CRC32 crc = new CRC32();
    crc.update(head);
    crc.update(tail.plain);
    writeTrailer(out, pos, crc.getValue(), head.length + tail.plain.length);
    return out;
  }

  /** An ordinary gzip member of {@code plain}, compressed now at the default level. */
  public static byte[] gzip(byte[] plain) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setInput(plain);
    deflater.finish();
    // Deflate never grows its input by more than a few bytes per 16 KiB stored block.
    byte[] out = new byte[HEADER.length + plain.length + plain.length / 64 + 64 + TRAILER_LENGTH];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int pos = HEADER.length;
    while (!deflater.finished()) {
      if (pos == out.length - TRAILER_LENGTH) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      pos += deflater.deflate(out, pos, out.length - TRAILER_LENGTH - pos);
    }
    CRC32 crc = new CRC32();
    crc.update(plain);
    writeTrailer(out, pos, crc.getValue(), plain.length);
    return Arrays.copyOf(out, pos + TRAILER_LENGTH);
  }

  /** Raw deflate blocks (no zlib or gzip wrapper), the last one final. */
  private static byte[] deflate(byte[] plain) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setInput(plain);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
    byte[] buffer = new byte[Math.max(512, plain.length / 2)];
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void writeTrailer(byte[] out, int pos, long crc, long size) {
    for (int i = 0; i < 4; i++) {
      out[pos + i] = (byte) (crc >>> (8 * i));
      out[pos + 4 + i] = (byte) (size >>> (8 * i));
    }
  }
}
