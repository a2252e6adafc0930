package dev.gonogo.feedback.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the request bytes all ingest requests hold at once, from the first decoded byte until
 * the request is answered (its commit included). Without it, memory would grow with the number of
 * HTTP threads times the largest body; with it, a request that would pass the bound is answered 503
 * at once and the SDK sends it again later. Parsed JSON and queued writes are a small multiple of
 * the bytes counted here.
 */
public final class IngestBudget {
  /** The budget is spent: answer 503 with Retry-After; nothing of the request was kept. */
  public static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted(long max) {
      super("the service holds its limit of " + max + " bytes of requests in progress");
    }
  }

  /**
   * The service is shutting down: answer 503 shutting_down; nothing of the request was kept (it was
   * refused before its body was read, or its connection was cut while it was read).
   */
  public static final class Closed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The message of the 503 {@code shutting_down} answer. */
    public static final String MESSAGE = "the service is shutting down";

    public Closed() {
      super(MESSAGE);
    }
  }

  private final long maxBytes;
  private final AtomicLong inUse = new AtomicLong();
  private int openLeases;
  private boolean closed;

  public IngestBudget(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * A new, empty lease for one request; close it when the request is answered.
   *
   * @throws Closed once {@link #closeAndAwait} was called
   */
  public synchronized Lease lease() {
    if (closed) {
      throw new Closed();
    }
    openLeases++;
    return new Lease();
  }

  /**
   * Refuses new leases, then waits until every open one is returned (every request in progress is
   * answered) or the timeout passes. Shutdown calls it before HTTP stops, so that no request is cut
   * off while its body is read or its commit is pending.
   *
   * @return true when all leases were returned in time
   */
  public synchronized boolean closeAndAwait(java.time.Duration timeout)
      throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (openLeases > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void returned() {
    openLeases--;
    if (openLeases == 0) {
      notifyAll();
    }
  }

  /** True once {@link #closeAndAwait} was called: the service is stopping. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Bytes held now by all open leases. */
  public long inUse() {
    return inUse.get();
  }

  /** The bytes one request holds. Not thread-safe: one request, one thread at a time. */
  public final class Lease implements AutoCloseable {
    private long held;
    private boolean closed;

    private Lease() {}

    /**
     * Takes {@code bytes} more.
     *
     * @throws Exhausted when all leases together would hold more than the budget
     */
    public void take(int bytes) {
      if (closed) {
        throw new IllegalStateException("lease already returned");
      }
      // Compare-and-set, so the total never exceeds the budget even for a moment (adding first
      // and taking back on refusal let concurrent readers see more than the budget).
      long now;
      do {
        now = inUse.get();
        if (now + bytes > maxBytes) {
          throw new Exhausted(maxBytes);
        }
      } while (!inUse.compareAndSet(now, now + bytes));
      held += bytes;
    }

    /** Returns every byte taken; later calls do nothing. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        inUse.addAndGet(-held);
        held = 0;
        returned();
      }
    }
  }
}
