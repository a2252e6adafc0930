package dev.gonogo.feedback.sentry.internal;

import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with a {@link LimitExceeded} as soon as more than
 * {@code max} have passed, so an oversized stream is refused after max + one buffer, not at its
 * end.
 *
 * <p>As the request body it also tags the caller's I/O failures ({@link SourceFailure}) so they are
 * not mistaken for corrupt compression, and it does not close the caller's stream.
 */
public final class BoundedStream extends FilterInputStream {
  private final long max;
  private final RejectReason reason;
  private final String what;
  private final boolean source;
  private long count;

  private BoundedStream(
      InputStream in, long max, RejectReason reason, String what, boolean source) {
    super(in);
    this.max = max;
    this.reason = reason;
    this.what = what;
    this.source = source;
  }

  /** The request body as sent: over max is {@code body_too_large}. */
  public static BoundedStream source(InputStream body, long max) {
    return new BoundedStream(body, max, RejectReason.BODY_TOO_LARGE, "request body", true);
  }

  /** A decoded layer: over max is {@code reason}. */
  public static BoundedStream layer(InputStream in, long max, RejectReason reason, String what) {
    return new BoundedStream(in, max, reason, what, false);
  }

  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = super.read();
    } catch (IOException e) {
      throw source ? new SourceFailure(e) : e;
    }
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = super.read(buffer, offset, length);
    } catch (IOException e) {
      throw source ? new SourceFailure(e) : e;
    }
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    int read = read(scratch, 0, scratch.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    if (!source) {
      super.close();
    }
  }

  private void add(int n) throws LimitExceeded {
    count += n;
    if (count > max) {
      throw new LimitExceeded(
          new RejectedException(
              reason,
              what + " is larger than the limit of " + max + " bytes (read " + count + ")"));
    }
  }

  /** A limit was crossed; decoders may wrap it, so the caller looks for it in the cause chain. */
  public static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(RejectedException rejection) {
      super(rejection.getMessage(), rejection);
    }

    public RejectedException rejection() {
      return (RejectedException) getCause();
    }
  }

  /** Reading the caller's stream failed: a transport problem, not a protocol one. */
  public static final class SourceFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    public IOException original() {
      return (IOException) getCause();
    }
  }
}
