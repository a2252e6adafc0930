package dev.gonogo.load.bench.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcSnapshotTest {
  private static final String STATUS =
      "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 7340032 kB\n"
          + "VmRSS:\t  312456 kB\nRssAnon:\t  280000 kB\nThreads:\t97\n";

  @Test
  void statusField_readsTheNumberOfTheNamedLine() {
    assertThat(ProcSnapshot.statusField(STATUS, "VmRSS")).isEqualTo(312_456);
    assertThat(ProcSnapshot.statusField(STATUS, "Threads")).isEqualTo(97);
  }

  @Test
  void statusField_missingLine_isAnError() {
    assertThatThrownBy(() -> ProcSnapshot.statusField(STATUS, "VmSwap"))
        .hasMessageContaining("VmSwap");
  }

  @Test
  void processTicks_areUtimePlusStime_countedAfterACommandWithSpacesAndParentheses() {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    String stat = "4242 (gonogo (x) y) S 1 4242 4242 0 -1 4194560 1000 0 5 0 1234 567 0 0 20 0 97";

    assertThat(ProcSnapshot.processTicks(stat)).isEqualTo(1234 + 567);
    assertThat(ProcSnapshot.command(stat)).isEqualTo("gonogo (x) y");
  }

  @Test
  void machineTicks_splitBusyIrqIowaitAndTotal() {
    String procStat = "cpu  100 5 50 1000 20 3 7 2 0 0\ncpu0 50 2 25 500 10 1 3 1 0 0\n";

    long[] ticks = ProcSnapshot.machineTicks(procStat);

    assertThat(ticks).containsExactly(100 + 5 + 50 + 3 + 7 + 2, 3 + 7, 20, 167 + 1000 + 20);
  }

  @Test
  void read_ofThisJvm_seesMemoryThreadsAndOtherProcesses() {
    ProcSnapshot snapshot = ProcSnapshot.read(ProcessHandle.current().pid());

    assertThat(snapshot.rssKb()).isPositive();
    assertThat(snapshot.threads()).isPositive();
    assertThat(snapshot.serviceThreads()).isNotEmpty();
    assertThat(snapshot.machineTotalTicks()).isGreaterThanOrEqualTo(snapshot.machineBusyTicks());
    assertThat(snapshot.others()).doesNotContainKey(ProcessHandle.current().pid());
  }

  @Test
  void phaseUsage_ofNoSample_isNotMeasured() {
    PhaseUsage usage = new PhaseUsage(2);

    assertThat(usage.samples()).isZero();
    assertThat(usage.rssMaxMb()).isNaN();
    assertThat(usage.serviceCores()).isNaN();
    assertThat(usage.machineBusyCores()).isNaN();
  }

  @Test
  void phaseUsage_turnsTickDeltasIntoCores_andCountsOnlyProcessesSeenTwice() {
    ProcSnapshot before =
        snapshot(0, 100_000, 1_000, 500, Map.of(7L, new ProcSnapshot.Process("mvn", 10)));
    ProcSnapshot after =
        snapshot(
            1_000_000_000L,
            200_000,
            1_150,
            550,
            Map.of(
                7L, new ProcSnapshot.Process("mvn", 30),
                8L, new ProcSnapshot.Process("started-since", 5_000)));
    PhaseUsage usage = new PhaseUsage(2);

    usage.add(before, after);

    assertThat(usage.serviceCores()).isEqualTo(1.5);
    assertThat(usage.gatlingCores()).isEqualTo(0.5);
    assertThat(usage.otherProcessCores()).isEqualTo(0.2);
    assertThat(usage.topOtherProcesses(3)).containsOnlyKeys("mvn");
    assertThat(usage.rssMaxMb()).isEqualTo(200_000 / 1024.0);
    assertThat(usage.machineBusyCores()).isEqualTo(1.5);
  }

  @Test
  void threadGroup_foldsNumbers_soAPoolAddsUp() {
    assertThat(PhaseUsage.threadGroup("JettyServerThreadPool-27"))
        .isEqualTo("JettyServerThreadPool-#");
    assertThat(PhaseUsage.threadGroup("GC Thread#1")).isEqualTo("GC Thread##");
    assertThat(PhaseUsage.threadGroup("gonogo-store-wr")).isEqualTo("gonogo-store-wr");
  }

  /** Machine: 200 ticks per second over 2 CPUs; busy 3/4 of them in the second snapshot. */
  private static ProcSnapshot snapshot(
      long nanos, long rssKb, long service, long self, Map<Long, ProcSnapshot.Process> others) {
    long seconds = nanos / 1_000_000_000L;
    return new ProcSnapshot(
        nanos, rssKb, 10, service, self, Map.of(), others, 150 * seconds, 0, 0, 200 * seconds);
  }
}
