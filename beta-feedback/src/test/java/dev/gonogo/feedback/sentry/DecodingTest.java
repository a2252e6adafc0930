package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecodingTest {
  private static final byte[] ENVELOPE =
      ("{\"sent_at\":\"2026-03-01T09:00:00Z\"}\n{\"type\":\"session\"}\n"
              + "{\"sid\":\"7c7b6585-f901-4351-bf8d-02711b721929\",\"started\":\"2026-03-01T09:00:00Z\","
              + "\"attrs\":{\"release\":\"shop@2.3.0\"}}\n")
          .getBytes(StandardCharsets.UTF_8);

  private static final BodyLimits ONE_MIB = new BodyLimits(1 << 20, 1 << 20);

  private static byte[] decode(byte[] body, String encoding) throws IOException {
    return Decoding.decode(new ByteArrayInputStream(body), encoding, ONE_MIB);
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** MiB of zeros, gzipped without holding them. */
  private static byte[] gzipZeros(int mebibytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (int i = 0; i < mebibytes; i++) {
        gz.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static byte[] deflate(byte[] data, boolean raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, deflater)) {
      d.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DecodingTest.class.getResourceAsStream("/envelopes/" + name)) {
      return in.readAllBytes();
    }
  }

  private static RejectReason reasonOf(ThrowingRunnable run) {
    try {
      run.run();
    } catch (RejectedException e) {
      return e.reason();
    } catch (IOException e) {
      throw new AssertionError("expected a rejection, got " + e, e);
    }
    throw new AssertionError("expected a rejection");
  }

  interface ThrowingRunnable {
    void run() throws IOException;
  }

  /** Counts what the decoder pulled from the request body. */
  private static final class CountingStream extends FilterInputStream {
    long read;

    CountingStream(byte[] body) {
      super(new ByteArrayInputStream(body));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }
  }

  // --- every encoding round-trips

  @Test
  void identity_absentOrNamed_returnsTheBodyAsSent() throws IOException {
    assertThat(decode(ENVELOPE, null)).isEqualTo(ENVELOPE);
    assertThat(decode(ENVELOPE, "")).isEqualTo(ENVELOPE);
    assertThat(decode(ENVELOPE, "identity")).isEqualTo(ENVELOPE);
  }

  @Test
  void gzip_roundTrips_caseInsensitive_andAsXGzip() throws IOException {
    assertThat(decode(gzip(ENVELOPE), "gzip")).isEqualTo(ENVELOPE);
    assertThat(decode(gzip(ENVELOPE), "GZip")).isEqualTo(ENVELOPE);
    assertThat(decode(gzip(ENVELOPE), "x-gzip")).isEqualTo(ENVELOPE);
  }

  @Test
  void gzip_concatenatedMembers_decodeToTheirConcatenation() throws IOException {
    byte[] a = gzip("{}\n".getBytes(StandardCharsets.UTF_8));
    byte[] b = gzip("{\"type\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);

    assertThat(new String(decode(both, "gzip"), StandardCharsets.UTF_8))
        .isEqualTo("{}\n{\"type\":\"x\"}\n");
  }

  @Test
  void deflate_zlibWrapped_roundTrips() throws IOException {
    assertThat(decode(deflate(ENVELOPE, false), "deflate")).isEqualTo(ENVELOPE);
  }

  @Test
  void deflate_raw_asSomeClientsSendIt_roundTrips() throws IOException {
    assertThat(decode(deflate(ENVELOPE, true), "deflate")).isEqualTo(ENVELOPE);
  }

  @Test
  void brotli_roundTrips() throws IOException {
    byte[] original = resource("valid/java-sdk-8.62-session-init.envelope");

    assertThat(decode(resource("encoded/java-sdk-8.62-session-init.envelope.br"), "br"))
        .isEqualTo(original);
  }

  @Test
  void zstd_roundTrips() throws IOException {
    assertThat(decode(Zstd.compress(ENVELOPE, 3), "zstd")).isEqualTo(ENVELOPE);
  }

  @Test
  void chain_deflateThenGzip_isUndoneInReverseOrder() throws IOException {
    byte[] twice = gzip(deflate(ENVELOPE, false));

    assertThat(decode(twice, "deflate, gzip")).isEqualTo(ENVELOPE);
    assertThat(decode(twice, "identity, deflate,gzip")).isEqualTo(ENVELOPE);
  }

  @Test
  void emptyBody_decodesToEmpty_whateverTheEncoding() throws IOException {
    for (String encoding : new String[] {null, "gzip", "deflate", "br", "zstd"}) {
      assertThat(decode(new byte[0], encoding)).as(encoding).isEmpty();
    }
  }

  // --- limits

  @Test
  void gzipBomb_tenMiBOfZeros_isDecompressionBomb_withoutAllocatingTheDecompressedSize() {
    byte[] bomb = gzipZeros(10);
    assertThat(bomb.length).isBetween(5_000, 20_000);
    long before = allocatedBytes();

    assertThatThrownBy(() -> decode(bomb, "gzip"))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.DECOMPRESSION_BOMB);
              assertThat(e.detail()).contains("larger than the limit of 1048576 bytes");
            });
    // The 1 MiB limit costs about 2 MiB of buffer growth; the 10 MiB are never materialised.
    assertThat(allocatedBytes() - before).isLessThan(5L << 20);
  }

  @Test
  void gzipBomb_isRefused_afterReadingOnlyTheStartOfTheBody() {
    byte[] bomb = gzipZeros(64);
    CountingStream body = new CountingStream(bomb);

    assertThatThrownBy(() -> Decoding.decode(body, "gzip", ONE_MIB))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.DECOMPRESSION_BOMB));
    assertThat(body.read).isLessThan(bomb.length / 4);
  }

  @Test
  void brotliBomb_27BytesToTenMiB_isDecompressionBomb() throws IOException {
    byte[] bomb = resource("encoded/zeros-10MiB.br");

    assertThat(reasonOf(() -> decode(bomb, "br"))).isEqualTo(RejectReason.DECOMPRESSION_BOMB);
  }

  @Test
  void zstdBomb_isDecompressionBomb() {
    byte[] bomb = Zstd.compress(new byte[10 << 20], 19);

    assertThat(reasonOf(() -> decode(bomb, "zstd"))).isEqualTo(RejectReason.DECOMPRESSION_BOMB);
  }

  @Test
  void deflateBomb_nestedInGzip_isDecompressionBomb() {
    byte[] nested = gzip(deflate(new byte[10 << 20], false));

    assertThat(reasonOf(() -> decode(nested, "deflate, gzip")))
        .isEqualTo(RejectReason.DECOMPRESSION_BOMB);
  }

  @Test
  void rawBody_overTheLimit_isBodyTooLarge_afterAtMostOneChunkMore() {
    byte[] large = new byte[3 << 20];
    CountingStream body = new CountingStream(large);

    assertThatThrownBy(() -> Decoding.decode(body, null, ONE_MIB))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.BODY_TOO_LARGE));
    assertThat(body.read).isLessThanOrEqualTo((1 << 20) + 8192 + 1);
  }

  @Test
  void rawBody_exactlyAtTheLimit_isAccepted() throws IOException {
    byte[] body = new byte[1 << 20];

    assertThat(decode(body, null)).hasSize(1 << 20);
  }

  @Test
  void rawBody_underTheCompressedButOverTheDecompressedLimit_isBodyTooLarge() {
    BodyLimits limits = new BodyLimits(4096, 1024);

    assertThatThrownBy(
            () -> Decoding.decode(new ByteArrayInputStream(new byte[2048]), null, limits))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.BODY_TOO_LARGE));
  }

  @Test
  void compressedBody_overTheCompressedLimit_isBodyTooLarge() {
    byte[] noise = new byte[2 << 20];
    new Random(7).nextBytes(noise);
    byte[] incompressible = gzip(noise);

    assertThat(reasonOf(() -> decode(incompressible, "gzip")))
        .isEqualTo(RejectReason.BODY_TOO_LARGE);
  }

  @Test
  void contentLength_overTheLimit_isRefusedBeforeReading() {
    assertThatThrownBy(() -> ONE_MIB.checkContentLength((1 << 20) + 1))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.BODY_TOO_LARGE));
    ONE_MIB.checkContentLength(1 << 20);
    ONE_MIB.checkContentLength(-1);
  }

  @Test
  void bodyLimits_zeroOrNegativeOrBeyondAnArray_areRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new BodyLimits(0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new BodyLimits(1, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> new BodyLimits(1, Integer.MAX_VALUE));
  }

  // --- refusals

  @Test
  void unknownEncoding_isUnsupportedEncoding_beforeAnyByteIsRead() {
    InputStream untouchable =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("the body must not be read");
          }
        };

    assertThatThrownBy(() -> Decoding.decode(untouchable, "gzip, compress", ONE_MIB))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.UNSUPPORTED_ENCODING);
              assertThat(e.detail())
                  .contains("\"compress\" is not one of identity, gzip, deflate, br, zstd");
            });
  }

  @Test
  void fourLayers_isUnsupportedEncoding() {
    assertThat(reasonOf(() -> decode(ENVELOPE, "gzip, gzip, gzip, gzip")))
        .isEqualTo(RejectReason.UNSUPPORTED_ENCODING);
  }

  @Test
  void notCompressed_butDeclaredSo_isMalformedCompression_forEveryEncoding() {
    for (String encoding : new String[] {"gzip", "deflate", "br", "zstd"}) {
      assertThat(reasonOf(() -> decode(ENVELOPE, encoding)))
          .as(encoding)
          .isEqualTo(RejectReason.MALFORMED_COMPRESSION);
    }
  }

  @Test
  void truncatedStreams_areMalformedCompression() {
    byte[] gz = gzip(ENVELOPE);
    byte[] zs = Zstd.compress(ENVELOPE, 3);
    byte[] zl = deflate(ENVELOPE, false);

    assertThat(reasonOf(() -> decode(Arrays.copyOf(gz, gz.length - 12), "gzip")))
        .isEqualTo(RejectReason.MALFORMED_COMPRESSION);
    assertThat(reasonOf(() -> decode(Arrays.copyOf(zs, zs.length / 2), "zstd")))
        .isEqualTo(RejectReason.MALFORMED_COMPRESSION);
    assertThat(reasonOf(() -> decode(Arrays.copyOf(zl, zl.length / 2), "deflate")))
        .isEqualTo(RejectReason.MALFORMED_COMPRESSION);
  }

  @Test
  void transportFailureMidBody_isAnIOException_notAProtocolRejection() {
    byte[] gz = gzip(new byte[100_000]);
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(gz, 0, 40)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
              throw new IOException("connection reset by peer");
            }
            return n;
          }
        };

    assertThatThrownBy(() -> Decoding.decode(failing, "gzip", ONE_MIB))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset by peer");
  }

  @Test
  void callersStream_isNotClosed() throws IOException {
    boolean[] closed = {false};
    InputStream body =
        new ByteArrayInputStream(gzip(ENVELOPE)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    Decoding.decode(body, "gzip", ONE_MIB);

    assertThat(closed[0]).isFalse();
  }

  @Test
  void aRefusedReservation_endsTheRead_andReachesTheCallerUnchanged_throughEveryDecoder()
      throws IOException {
    IllegalStateException full = new IllegalStateException("no room");
    for (String encoding : new String[] {"gzip", "deflate", "identity"}) {
      byte[] body =
          encoding.equals("gzip")
              ? gzip(ENVELOPE)
              : encoding.equals("deflate") ? deflate(ENVELOPE, false) : ENVELOPE;
      long[] asked = {0};

      Throwable thrown =
          catchThrowable(
              () ->
                  Decoding.decode(
                      new ByteArrayInputStream(body),
                      encoding,
                      ONE_MIB,
                      n -> {
                        asked[0] += n;
                        throw full;
                      }));

      assertThat(thrown).as(encoding).isSameAs(full);
      assertThat(asked[0]).as(encoding).isPositive();
    }
    long[] total = {0};
    assertThat(
            Decoding.decode(
                new ByteArrayInputStream(gzip(ENVELOPE)), "gzip", ONE_MIB, n -> total[0] += n))
        .isEqualTo(ENVELOPE);
    assertThat(total[0]).as("every decoded byte reserved").isEqualTo(ENVELOPE.length);
  }
}
