package dev.gonogo.feedback.store;

import dev.gonogo.feedback.store.Records.Write;
import dev.gonogo.feedback.store.internal.SqlWrites;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread that commits the writes of many requests in one transaction (group commit), so
 * durable acknowledgement does not cost one fsync per request. A request's future completes only
 * after the transaction holding its writes committed; each request's writes sit behind a savepoint,
 * so one bad request does not fail the others. The queue is bounded: when it is full {@link
 * #submit} fails at once with {@link Overloaded} instead of buffering without limit.
 *
 * <p>While requests are waiting the writer keeps its connection and prepared statements from one
 * batch to the next (a burst of short batches otherwise prepares every statement again for each); a
 * commit that leaves the queue empty, and any failure, gives the connection back to the pool, so a
 * batch only ever runs on a held connection when it was queued before the previous commit, and an
 * idle writer holds no connection the pool or the database may have closed.
 */
public final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** The queue of pending requests is full: the caller answers 503 with Retry-After. */
  public static final class Overloaded extends RuntimeException {
    Overloaded(int capacity) {
      super("the write queue is full (" + capacity + " requests waiting for the store)");
    }
  }

  /** The store failed to commit; nothing of the request was stored. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private record Pending(List<Write> writes, CompletableFuture<List<Boolean>> done) {}

  private final DataSource dataSource;
  private final BlockingQueue<Pending> queue;
  private final int capacity;
  private final int maxBatch;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** The writer thread's connection and statements between batches; null when given back. */
  private Connection connection;

  private SqlWrites.Statements statements;

  public GroupCommitWriter(DataSource dataSource, int capacity, int maxBatch) {
    this.dataSource = dataSource;
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "gonogo-store-writer");
    this.thread.setDaemon(false);
    this.thread.start();
  }

  /**
   * Queues one request's writes. The future yields, per write, whether it changed the store (false
   * for a duplicate), once committed; it fails with {@link Unavailable} when the commit failed.
   *
   * @throws Overloaded when the queue is full
   */
  public CompletableFuture<List<Boolean>> submit(List<Write> writes) {
    if (!running.get()) {
      throw new Unavailable("the store writer is shut down", null);
    }
    Pending pending = new Pending(List.copyOf(writes), new CompletableFuture<>());
    if (!queue.offer(pending)) {
      throw new Overloaded(capacity);
    }
    return pending.done();
  }

  /** Requests waiting for a commit, for /ready and metrics. */
  public int backlog() {
    return queue.size();
  }

  /** The queue is full: a request submitted now would be refused. */
  public boolean isFull() {
    return queue.remainingCapacity() == 0;
  }

  private void run() {
    warmUp();
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running.get() || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          release(); // the warm-up's connection, when nothing came after it
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
        if (queue.isEmpty()) {
          release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        release(); // after the rollback in commit: nothing of the batch is kept
        LOG.error("store writer: unexpected failure; failing {} request(s)", batch.size(), e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    release();
  }

  private void commit(List<Pending> batch) {
    List<List<Boolean>> results = new ArrayList<>(batch.size());
    List<Throwable> failures = new ArrayList<>(batch.size());
    try {
      if (connection == null) {
        connection = dataSource.getConnection();
        statements = new SqlWrites.Statements(connection);
      }
      connection.setAutoCommit(false);
      try {
        for (Pending pending : batch) {
          Savepoint savepoint = connection.setSavepoint();
          try {
            List<Boolean> applied = new ArrayList<>(pending.writes().size());
            for (Write write : pending.writes()) {
              applied.add(SqlWrites.apply(statements, write));
            }
            connection.releaseSavepoint(savepoint);
            statements.rollups().requestApplied();
            results.add(applied);
            failures.add(null);
          } catch (SQLException e) {
            connection.rollback(savepoint);
            statements.rollups().requestRolledBack();
            results.add(null);
            failures.add(e);
          }
        }
        statements.flush();
        connection.commit();
        connection.setAutoCommit(true);
      } catch (SQLException | RuntimeException e) {
        safeRollback(connection);
        throw e;
      }
    } catch (SQLException e) {
      release(); // a fresh connection, statements and rollups for the next batch
      Unavailable unavailable = new Unavailable("the store could not commit: " + e.getMessage(), e);
      batch.forEach(p -> p.done().completeExceptionally(unavailable));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (failures.get(i) == null) {
        batch.get(i).done().complete(results.get(i));
      } else {
        LOG.warn("store writer: a request's writes were rolled back", failures.get(i));
        batch
            .get(i)
            .done()
            .completeExceptionally(
                new Unavailable(
                    "the store rejected the write: " + failures.get(i).getMessage(),
                    failures.get(i)));
      }
    }
  }

  /**
   * Runs the write path once in a transaction that is rolled back ({@link SqlWrites#warmUp}), on
   * the connection the first batch then uses. Requests that come meanwhile wait in the queue. A
   * failure only means a slower first batch, so it is logged, not thrown.
   */
  private void warmUp() {
    long start = System.nanoTime();
    try {
      connection = dataSource.getConnection();
      statements = new SqlWrites.Statements(connection);
      connection.setAutoCommit(false);
      try {
        Savepoint savepoint = connection.setSavepoint();
        SqlWrites.warmUp(statements);
        connection.releaseSavepoint(savepoint);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      LOG.debug("store writer: warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("store writer: the warm-up write failed, the first batch will be slower", e);
      release();
    }
  }

  /** Closes the statements and gives the connection back to the pool (the pool resets it). */
  private void release() {
    if (connection == null) {
      return;
    }
    try {
      statements.close();
    } catch (SQLException e) {
      LOG.debug("store writer: closing its statements failed", e);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("store writer: giving its connection back failed", e);
    }
    connection = null;
    statements = null;
  }

  private static void safeRollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the pool discards it
    }
  }

  /** Stops taking writes, commits what is queued, then stops the thread. */
  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
