package dev.gonogo.load.bench.probe;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the machine spent during one phase, summed over consecutive {@link ProcSnapshot}s.
 *
 * <p>Empty case: a phase no sample fell into has {@code samples == 0}, and every figure of it is
 * {@code NaN} ("not measured"), never 0.
 */
public final class PhaseUsage {
  private final int cpus;
  private int samples;
  private long rssMaxKb;
  private long rssSumKb;
  private int threadsMax;
  private long nanos;
  private long serviceTicks;
  private long selfTicks;
  private final Map<String, Long> otherTicksByCommand = new HashMap<>();
  private final Map<String, Long> serviceTicksByThreadGroup = new HashMap<>();
  private long busyTicks;
  private long irqTicks;
  private long iowaitTicks;
  private long totalTicks;

  /**
   * @param cpus CPUs of the machine, to turn machine-wide tick shares into cores
   */
  public PhaseUsage(int cpus) {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be positive, was " + cpus);
    }
    this.cpus = cpus;
  }

  /**
   * Adds the interval from {@code before} to {@code after}, and {@code after}'s memory. Another
   * process counts with its ticks since {@code before}, or all its ticks when it started since; the
   * last ticks of a process that exited within the interval are not seen.
   */
  public synchronized void add(ProcSnapshot before, ProcSnapshot after) {
    samples++;
    rssMaxKb = Math.max(rssMaxKb, after.rssKb());
    rssSumKb += after.rssKb();
    threadsMax = Math.max(threadsMax, after.threads());
    nanos += after.nanos() - before.nanos();
    serviceTicks += after.serviceTicks() - before.serviceTicks();
    selfTicks += after.selfTicks() - before.selfTicks();
    addDeltas(before.others(), after.others(), otherTicksByCommand, false);
    addDeltas(before.serviceThreads(), after.serviceThreads(), serviceTicksByThreadGroup, true);
    busyTicks += after.machineBusyTicks() - before.machineBusyTicks();
    irqTicks += after.machineIrqTicks() - before.machineIrqTicks();
    iowaitTicks += after.machineIowaitTicks() - before.machineIowaitTicks();
    totalTicks += after.machineTotalTicks() - before.machineTotalTicks();
  }

  private static void addDeltas(
      Map<Long, ProcSnapshot.Process> before,
      Map<Long, ProcSnapshot.Process> after,
      Map<String, Long> byName,
      boolean group) {
    after.forEach(
        (id, now) -> {
          ProcSnapshot.Process then = before.get(id);
          if (then != null && now.ticks() > then.ticks()) {
            String name = group ? threadGroup(now.command()) : now.command();
            byName.merge(name, now.ticks() - then.ticks(), Long::sum);
          }
        });
  }

  /**
   * A thread name with its numbers folded, so a pool's threads add up: {@code qtp1385-27} becomes
   * {@code qtp#-#}, {@code GC Thread#1} becomes {@code GC Thread##}.
   */
  static String threadGroup(String threadName) {
    return threadName.replaceAll("[0-9]+", "#");
  }

  public synchronized int samples() {
    return samples;
  }

  public synchronized double seconds() {
    return samples == 0 ? Double.NaN : nanos / 1e9;
  }

  /** Largest VmRSS seen, MiB. */
  public synchronized double rssMaxMb() {
    return samples == 0 ? Double.NaN : rssMaxKb / 1024.0;
  }

  /** Mean VmRSS over the samples, MiB. */
  public synchronized double rssMeanMb() {
    return samples == 0 ? Double.NaN : rssSumKb / 1024.0 / samples;
  }

  public synchronized int threadsMax() {
    return threadsMax;
  }

  /** CPU time of the candidate per wall second: 1.0 is one core busy. */
  public synchronized double serviceCores() {
    return perSecond(serviceTicks);
  }

  /** CPU time of the load generator (the Gatling JVM) per wall second. */
  public synchronized double gatlingCores() {
    return perSecond(selfTicks);
  }

  /** CPU time of every other process per wall second (Maven, other builds, daemons). */
  public synchronized double otherProcessCores() {
    return perSecond(otherTicksByCommand.values().stream().mapToLong(Long::longValue).sum());
  }

  /** The other processes that used the most CPU, cores by command name, at most {@code n}. */
  public synchronized Map<String, Double> topOtherProcesses(int n) {
    return top(otherTicksByCommand, n);
  }

  private Map<String, Double> top(Map<String, Long> ticksByName, int n) {
    Map<String, Double> top = new LinkedHashMap<>();
    ticksByName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(n)
        .forEach(e -> top.put(e.getKey(), perSecond(e.getValue())));
    return top;
  }

  /**
   * The candidate's thread groups ({@link #threadGroup}) that used the most CPU, cores by group, at
   * most {@code n}: which part of the service is busy (Jetty's qtp threads parse and plan, the
   * store writer commits, GC threads collect).
   */
  public synchronized Map<String, Double> topServiceThreads(int n) {
    return top(serviceTicksByThreadGroup, n);
  }

  /** The machine's busy share times its CPUs: everything running, both JVMs and the rest. */
  public synchronized double machineBusyCores() {
    return share(busyTicks);
  }

  /** The machine's irq + softirq share times its CPUs (network processing on loopback). */
  public synchronized double irqCores() {
    return share(irqTicks);
  }

  /** The machine's iowait share times its CPUs: idle while waiting for the disk (fsync). */
  public synchronized double iowaitCores() {
    return share(iowaitTicks);
  }

  private double share(long ticks) {
    return totalTicks == 0 ? Double.NaN : (double) ticks / totalTicks * cpus;
  }

  private double perSecond(long ticks) {
    return samples == 0 || nanos == 0
        ? Double.NaN
        : ticks / (double) ProcSnapshot.TICKS_PER_SECOND / (nanos / 1e9);
  }
}
