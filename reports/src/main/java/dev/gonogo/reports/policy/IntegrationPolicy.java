package dev.gonogo.reports.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code integration} section of the release policy (docs/policy.md, "integration").
 *
 * @param requireAllPassed every test must pass: a failed or broken test is NO-GO (when false, it is
 *     INCONCLUSIVE: it still never passes silently)
 * @param flaky how a test that failed and then passed on a retry counts
 * @param minTests fewer tests than this is INCONCLUSIVE; at least 1
 */
public record IntegrationPolicy(boolean requireAllPassed, Flaky flaky, int minTests) {
  /** The defaults docs/policy.md lists. */
  public static final IntegrationPolicy DEFAULTS =
      new IntegrationPolicy(true, Flaky.INCONCLUSIVE, 1);

  /** What a flaky test yields. */
  public enum Flaky {
    FAIL,
    INCONCLUSIVE,
    PASS;

    /** {@code fail}, {@code inconclusive} or {@code pass}; null when it is none of them. */
    static Flaky parse(String text) {
      for (Flaky f : values()) {
        if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
          return f;
        }
      }
      return null;
    }
  }

  public IntegrationPolicy {
    Objects.requireNonNull(flaky, "flaky");
    if (minTests < 1) {
      throw new IllegalArgumentException(
          "integration.min-tests must be at least 1 (an empty results folder is never GO), was "
              + minTests);
    }
  }
}
