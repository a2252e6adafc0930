package dev.gonogo.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestBudgetTest {

  @Test
  void leases_shareTheBudget_andARefusedTakeHoldsNothing() {
    IngestBudget budget = new IngestBudget(100);
    IngestBudget.Lease a = budget.lease();
    IngestBudget.Lease b = budget.lease();

    a.take(60);
    assertThatThrownBy(() -> b.take(41))
        .isInstanceOf(IngestBudget.Exhausted.class)
        .hasMessageContaining("100 bytes");
    b.take(40);

    assertThat(budget.inUse()).isEqualTo(100);
    a.close();
    assertThat(budget.inUse()).isEqualTo(40);
    b.close();
    b.close();
    assertThat(budget.inUse()).isZero();
  }

  @Test
  void aClosedLease_cannotTakeMore() {
    IngestBudget.Lease lease = new IngestBudget(10).lease();
    lease.close();

    assertThatThrownBy(() -> lease.take(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void concurrentLeases_neverHoldMoreThanTheBudget_andReturnEverything() throws Exception {
    IngestBudget budget = new IngestBudget(10_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> refusals = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      refusals.add(
          pool.submit(
              () -> {
                int refused = 0;
                for (int i = 0; i < 2_000; i++) {
                  try (IngestBudget.Lease lease = budget.lease()) {
                    lease.take(1_000);
                    lease.take(500);
                    assertThat(budget.inUse()).isLessThanOrEqualTo(10_000);
                  } catch (IngestBudget.Exhausted e) {
                    refused++;
                  }
                }
                return refused;
              }));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    for (Future<Integer> f : refusals) {
      f.get();
    }
    assertThat(budget.inUse()).isZero();
  }

  @Test
  void closeAndAwait_refusesNewLeases_andWaitsForTheOpenOnesToBeReturned() throws Exception {
    IngestBudget budget = new IngestBudget(100);
    IngestBudget.Lease open = budget.lease();
    open.take(10);
    ExecutorService other = Executors.newSingleThreadExecutor();
    Future<Boolean> closing =
        other.submit(() -> budget.closeAndAwait(java.time.Duration.ofSeconds(20)));

    org.awaitility.Awaitility.await("new leases refused")
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThatThrownBy(budget::lease).isInstanceOf(IngestBudget.Closed.class));
    assertThat(closing).isNotDone();
    open.close();

    assertThat(closing.get(10, TimeUnit.SECONDS)).isTrue();
    other.shutdown();
  }

  @Test
  void closeAndAwait_givesUpAfterTheTimeout_whenALeaseIsNeverReturned() throws Exception {
    IngestBudget budget = new IngestBudget(100);
    budget.lease();

    assertThat(budget.closeAndAwait(java.time.Duration.ofMillis(50))).isFalse();
  }
}
