package dev.gonogo.load.bench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of the Linux counters the benchmark reports: the candidate's resident memory and CPU
 * time, the load generator's CPU time, every other process's CPU time, and the machine's CPU time
 * by kind. Two 2-core programs sharing a machine with whatever else runs on it can only be judged
 * with all of these side by side.
 *
 * <p>CPU times are in clock ticks of {@value #TICKS_PER_SECOND} per second (Linux's USER_HZ, which
 * {@code /proc} uses on every architecture).
 *
 * @param nanos {@link System#nanoTime()} of the reading
 * @param rssKb the candidate's VmRSS, from {@code /proc/<pid>/status}
 * @param threads the candidate's thread count
 * @param serviceTicks the candidate's user + system time, from {@code /proc/<pid>/stat}
 * @param selfTicks the same for this JVM, the load generator
 * @param serviceThreads the candidate's threads: name and ticks, by thread id
 * @param others user + system time of every other process, by pid
 * @param machineBusyTicks all CPUs: user, nice, system, irq, softirq and steal time
 * @param machineIrqTicks all CPUs: irq and softirq time (loopback TCP is mostly softirq)
 * @param machineIowaitTicks all CPUs: time idle while waiting for I/O
 * @param machineTotalTicks all CPUs: busy + idle + iowait
 */
public record ProcSnapshot(
    long nanos,
    long rssKb,
    int threads,
    long serviceTicks,
    long selfTicks,
    Map<Long, Process> serviceThreads,
    Map<Long, Process> others,
    long machineBusyTicks,
    long machineIrqTicks,
    long machineIowaitTicks,
    long machineTotalTicks) {

  public static final int TICKS_PER_SECOND = 100;

  /** Command name given to the parent of this JVM. */
  public static final String PARENT = "parent-of-gatling";

  /** A process or thread: its command (thread) name and CPU ticks so far. */
  public record Process(String command, long ticks) {}

  public ProcSnapshot {
    serviceThreads = Map.copyOf(serviceThreads);
    others = Map.copyOf(others);
  }

  /**
   * Reads the counters now.
   *
   * @throws UncheckedIOException when the candidate's files cannot be read (it exited)
   */
  public static ProcSnapshot read(long pid) {
    long nanos = System.nanoTime();
    long self = ProcessHandle.current().pid();
    String status = read(Path.of("/proc", Long.toString(pid), "status"));
    long[] machine = machineTicks(read(Path.of("/proc/stat")));
    return new ProcSnapshot(
        nanos,
        statusField(status, "VmRSS"),
        (int) statusField(status, "Threads"),
        processTicks(read(Path.of("/proc", Long.toString(pid), "stat"))),
        processTicks(read(Path.of("/proc/self/stat"))),
        threads(pid),
        others(pid, self),
        machine[0],
        machine[1],
        machine[2],
        machine[3]);
  }

  /** A number of a {@code /proc/<pid>/status} line, e.g. 123456 of "VmRSS: 123456 kB". */
  static long statusField(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name + ":")) {
        String[] words = line.substring(name.length() + 1).trim().split("\\s+");
        return Long.parseLong(words[0]);
      }
    }
    throw new IllegalArgumentException("no " + name + " line in /proc/<pid>/status");
  }

  /**
   * utime + stime of a {@code /proc/<pid>/stat} line: fields 14 and 15, counted after the command
   * name in parentheses (which may itself hold spaces and parentheses).
   */
  static long processTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    // After ") " come field 3 (state), 4 (ppid), ...: utime is field 14, index 11 here.
    String[] fields = stat.substring(close + 2).trim().split("\\s+");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The command name of a {@code /proc/<pid>/stat} line: the text in the outer parentheses. */
  static String command(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** Busy, irq + softirq, iowait and total ticks of the aggregate "cpu" line of /proc/stat. */
  static long[] machineTicks(String procStat) {
    String line =
        procStat
            .lines()
            .filter(l -> l.startsWith("cpu "))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no aggregate cpu line in /proc/stat"));
    List<Long> v =
        java.util.Arrays.stream(line.substring(4).trim().split("\\s+"))
            .map(Long::parseLong)
            .toList();
    long user = v.get(0);
    long nice = v.get(1);
    long system = v.get(2);
    long idle = v.get(3);
    long iowait = v.get(4);
    long irq = v.get(5);
    long softirq = v.get(6);
    long steal = v.size() > 7 ? v.get(7) : 0;
    long busy = user + nice + system + irq + softirq + steal;
    return new long[] {busy, irq + softirq, iowait, busy + idle + iowait};
  }

  /**
   * Every process but the candidate and this JVM; those that exit while read are skipped. This
   * JVM's parent (Maven, when run by the gatling plugin) is named {@value #PARENT}.
   */
  private static Map<Long, Process> others(long service, long self) {
    long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    Map<Long, Process> others = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid == service || pid == self) {
          continue;
        }
        try {
          String stat = Files.readString(dir.resolve("stat"));
          others.put(pid, new Process(pid == parent ? PARENT : command(stat), processTicks(stat)));
        } catch (IOException | RuntimeException gone) {
          // The process exited between listing and reading.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc", e);
    }
    return others;
  }

  /** The candidate's threads; a thread that ends while read is skipped. */
  private static Map<Long, Process> threads(long pid) {
    Map<Long, Process> threads = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks, "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          threads.put(
              Long.parseLong(dir.getFileName().toString()),
              new Process(command(stat), processTicks(stat)));
        } catch (IOException | RuntimeException gone) {
          // The thread ended between listing and reading.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + tasks, e);
    }
    return threads;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
