package dev.gonogo.load.bench.payload.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static final byte[] HEAD = "{\"event_id\":\"0123\",".getBytes(StandardCharsets.UTF_8);

  @Test
  void stitch_isReadByGzipInputStream_asHeadThenTail() throws IOException {
    byte[] tail = repetitiveText(20_000);

    byte[] body = Gzip.stitch(HEAD, Gzip.Tail.of(tail));

    assertThat(gunzip(body)).isEqualTo(concat(HEAD, tail));
  }

  @Test
  void stitch_isOneDeflateStream_notConcatenatedMembers() throws Exception {
    // An inflater that stops at the end of the first member proves there is only one.
    byte[] tail = repetitiveText(5_000);
    byte[] body = Gzip.stitch(HEAD, Gzip.Tail.of(tail));
    Inflater inflater = new Inflater(true);
    inflater.setInput(body, 10, body.length - 10 - 8);
    byte[] out = new byte[HEAD.length + tail.length + 100];
    int n = inflater.inflate(out);

    assertThat(inflater.finished()).isTrue();
    assertThat(inflater.getRemaining()).isZero();
    assertThat(n).isEqualTo(HEAD.length + tail.length);
  }

  @Test
  void stitch_compressesTheTail() {
    byte[] tail = repetitiveText(20_000);

    assertThat(Gzip.stitch(HEAD, Gzip.Tail.of(tail)).length).isLessThan(tail.length / 4);
  }

  @Test
  void stitch_emptyHead_isValid() throws IOException {
    byte[] tail = repetitiveText(100);

    assertThat(gunzip(Gzip.stitch(new byte[0], Gzip.Tail.of(tail)))).isEqualTo(tail);
  }

  @Test
  void stitch_headOverOneStoredBlock_isRefused() {
    assertThatThrownBy(() -> Gzip.stitch(new byte[65_536], Gzip.Tail.of(new byte[1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65535");
  }

  @Test
  void gzip_roundTrips() throws IOException {
    byte[] plain = repetitiveText(300);

    assertThat(gunzip(Gzip.gzip(plain))).isEqualTo(plain);
    assertThat(gunzip(Gzip.gzip(new byte[0]))).isEmpty();
  }

  private static byte[] repetitiveText(int length) {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append("{\"module\":\"android.os.Looper\",\"lineno\":")
          .append(random.nextInt(999))
          .append('}');
    }
    return text.substring(0, length).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
