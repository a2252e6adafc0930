package dev.gonogo.feedback.gate;

import java.util.Objects;

/**
 * The {@code beta} section of the release policy (release-policy.yaml, documented in
 * docs/policy.md). Rates are fractions: 0.99 is 99 %.
 */
public record Policy(
    double confidence,
    long minSessions,
    long minUsers,
    double crashFreeSessionsFloor,
    double crashFreeUsersFloor,
    Increase maxCrashRateIncrease,
    double maxNewSignatureShare,
    double spikingFactor,
    Status regressedSignatures,
    GroupFloor perPlatform,
    GroupFloor perDevice) {

  /** Allowed crash rate: {@code baseline + max(relative x baseline, absolute)}. */
  public record Increase(double relative, double absolute) {
    public Increase {
      if (relative < 0 || absolute < 0) {
        throw new IllegalArgumentException("max-crash-rate-increase: values must be >= 0");
      }
    }

    public double allowed(double baselineRate) {
      return Math.min(1, baselineRate + Math.max(relative * baselineRate, absolute));
    }
  }

  /** A floor for each group (platform, device model) with at least {@code minSessions}. */
  public record GroupFloor(long minSessions, double crashFreeSessionsFloor) {}

  public Policy {
    Objects.requireNonNull(maxCrashRateIncrease, "max-crash-rate-increase");
    Objects.requireNonNull(regressedSignatures, "regressed-signatures");
    Objects.requireNonNull(perPlatform, "per-platform");
    Objects.requireNonNull(perDevice, "per-device");
  }

  /** The error rate of every decision: {@code 1 - confidence}. */
  public double alpha() {
    return 1 - confidence;
  }
}
