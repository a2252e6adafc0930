package dev.gonogo.load.summary;

import dev.gonogo.load.policy.LoadPolicy;
import dev.gonogo.load.policy.Slo;
import dev.gonogo.load.sim.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capacity profile's reading of a run: CapacitySimulation puts every step's requests into a
 * group named by {@link #stepGroup}; each step is judged against the policy's SLOs ({@code all} and
 * {@code ingest}, applied to the step's {@code ingest} requests, throughput over the step's
 * duration). The capacity is the last step before the first one that missed an SLO.
 */
public final class Capacity {
  private static final Pattern STEP =
      Pattern.compile("step (\\d+): ([0-9.]+) users/s for (\\d+) s");

  private Capacity() {}

  /** The group of step {@code index} (0-based). */
  public static String stepGroup(int index, double usersPerSecond, long seconds) {
    return String.format(
        Locale.ROOT, "step %02d: %s users/s for %d s", index + 1, rate(usersPerSecond), seconds);
  }

  /** The summary with its capacity section when the run has step groups; else unchanged. */
  public static Summary annotate(Summary summary, LoadPolicy policy) {
    List<Slo> slos = policy.slosFor(Set.of(Groups.INGEST));
    List<Summary.Step> steps = new ArrayList<>();
    for (Summary.Entry group : summary.groups()) {
      Matcher m = group.path().size() == 1 ? STEP.matcher(group.path().get(0)) : null;
      if (m == null || !m.matches()) {
        continue;
      }
      Summary.Entry ingest =
          summary.entry(List.of(group.path().get(0), Groups.INGEST)).orElse(group);
      steps.add(
          step(
              Integer.parseInt(m.group(1)),
              Double.parseDouble(m.group(2)),
              Long.parseLong(m.group(3)),
              ingest,
              slos));
    }
    if (steps.isEmpty()) {
      return summary;
    }
    steps.sort(java.util.Comparator.comparingInt(Summary.Step::step));
    Summary.Step highest = null;
    for (Summary.Step step : steps) {
      if (!step.meetsSlos()) {
        break;
      }
      highest = step;
    }
    return new Summary(
        summary.schema(),
        summary.simulation(),
        summary.profile(),
        summary.label(),
        summary.runs(),
        summary.start(),
        summary.end(),
        summary.status(),
        summary.global(),
        summary.groups(),
        summary.requests(),
        summary.assertions(),
        new Summary.Capacity(
            steps,
            highest == null ? null : highest.step(),
            highest == null ? null : highest.usersPerSecond()));
  }

  private static Summary.Step step(
      int index, double rate, long seconds, Summary.Entry entry, List<Slo> slos) {
    long p95 = percentile(entry, "95");
    long p99 = percentile(entry, "99");
    double rps = entry.count() / (double) Math.max(1, seconds);
    List<String> missed = new ArrayList<>();
    if (entry.count() == 0) {
      missed.add("no request in this step");
    }
    for (Slo slo : slos) {
      slo.p95Ms()
          .ifPresent(
              max -> {
                if (p95 > max) missed.add(slo.group() + ": p95 " + p95 + " ms > " + max + " ms");
              });
      slo.p99Ms()
          .ifPresent(
              max -> {
                if (p99 > max) missed.add(slo.group() + ": p99 " + p99 + " ms > " + max + " ms");
              });
      slo.maxErrorPercent()
          .ifPresent(
              max -> {
                if (entry.errorPercent() > max)
                  missed.add(
                      String.format(
                          Locale.ROOT,
                          "%s: errors %.2f %% > %.2f %%",
                          slo.group(),
                          entry.errorPercent(),
                          max));
              });
      slo.minRequestsPerSecond()
          .ifPresent(
              min -> {
                if (rps < min)
                  missed.add(
                      String.format(
                          Locale.ROOT, "%s: %.1f requests/s < %.1f", slo.group(), rps, min));
              });
    }
    return new Summary.Step(
        index, rate, entry.count(), rps, entry.errorPercent(), p95, p99, missed.isEmpty(), missed);
  }

  private static long percentile(Summary.Entry entry, String key) {
    return entry.responseTimeMs() == null ? 0 : entry.responseTimeMs().percentiles().get(key);
  }

  private static String rate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
