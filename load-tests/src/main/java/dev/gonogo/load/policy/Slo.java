package dev.gonogo.load.policy;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A service-level objective of one request group, from the {@code load.slos} list of the release
 * policy. Every bound is optional; an entry must set at least one.
 *
 * @param group Gatling group name; {@link #ALL} means every request of the run
 * @param p95Ms the 95th percentile of response times may not exceed this, in milliseconds
 * @param p99Ms the 99th percentile of response times may not exceed this, in milliseconds
 * @param maxErrorPercent failed requests may not exceed this share, in percent (0-100)
 * @param minRequestsPerSecond the run must sustain at least this mean throughput
 */
public record Slo(
    String group,
    OptionalInt p95Ms,
    OptionalInt p99Ms,
    OptionalDouble maxErrorPercent,
    OptionalDouble minRequestsPerSecond) {

  /** The group name that stands for every request of a run. */
  public static final String ALL = "all";

  public Slo {
    Objects.requireNonNull(group, "group");
    if (group.isBlank()) {
      throw new IllegalArgumentException("an SLO needs a group name");
    }
    positive(p95Ms, "p95-ms", group);
    positive(p99Ms, "p99-ms", group);
    if (maxErrorPercent.isPresent()
        && (maxErrorPercent.getAsDouble() < 0 || maxErrorPercent.getAsDouble() > 100)) {
      throw new IllegalArgumentException(
          "max-error-percent of group " + group + " must be 0-100, was " + maxErrorPercent);
    }
    if (minRequestsPerSecond.isPresent() && minRequestsPerSecond.getAsDouble() <= 0) {
      throw new IllegalArgumentException(
          "min-requests-per-second of group " + group + " must be positive");
    }
    if (p95Ms.isEmpty()
        && p99Ms.isEmpty()
        && maxErrorPercent.isEmpty()
        && minRequestsPerSecond.isEmpty()) {
      throw new IllegalArgumentException(
          "the SLO of group "
              + group
              + " sets no bound: give p95-ms, p99-ms, max-error-percent or"
              + " min-requests-per-second");
    }
  }

  /** True for the SLO that covers every request, not one group. */
  public boolean isGlobal() {
    return ALL.equals(group);
  }

  private static void positive(OptionalInt value, String key, String group) {
    if (value.isPresent() && value.getAsInt() < 1) {
      throw new IllegalArgumentException(key + " of group " + group + " must be at least 1 ms");
    }
  }
}
