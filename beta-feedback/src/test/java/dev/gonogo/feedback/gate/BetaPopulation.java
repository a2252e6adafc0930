package dev.gonogo.feedback.gate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A simulated beta population with a known truth, drawn from a seed (so every run draws the same):
 * users with a few sessions each, spread over platforms and device models, crashing at a given rate
 * across a mix of signatures.
 *
 * @param sessions sessions of the release
 * @param sessionsPerUser sessions of each user
 * @param crashRate the true share of sessions that crash
 * @param newSignatureRate the true share of sessions crashed by one signature the baseline lacks
 */
record BetaPopulation(
    long sessions, int sessionsPerUser, double crashRate, double newSignatureRate) {
  static final int PLATFORMS = 2;
  static final int DEVICES = 8;

  /** Shared signatures, weighted 1/rank (a few frequent crashes, a long tail). */
  static final int SIGNATURES = 12;

  static BetaPopulation of(long sessions, double crashRate) {
    return new BetaPopulation(sessions, 5, crashRate, 0);
  }

  BetaPopulation withNewSignature(double rate) {
    return new BetaPopulation(sessions, sessionsPerUser, crashRate, rate);
  }

  BetaPopulation withSessions(long n) {
    return new BetaPopulation(n, sessionsPerUser, crashRate, newSignatureRate);
  }

  /** What the store would hold for this population: totals, groups and signatures. */
  Drawn draw(UniformRandomProvider rng) {
    long crashed = binomial(rng, sessions, crashRate);
    long newCrashes = binomial(rng, sessions - crashed, newSignatureRate);
    long allCrashed = crashed + newCrashes;
    long users = sessions / sessionsPerUser;
    double userCrashRate =
        sessions == 0 ? 0 : 1 - Math.pow(1 - (double) allCrashed / sessions, sessionsPerUser);
    long crashedUsers = Math.min(allCrashed, binomial(rng, users, userCrashRate));
    return new Drawn(
        new GateInput.Health(sessions, allCrashed, users, crashedUsers),
        split(rng, sessions, allCrashed, PLATFORMS, "platform-"),
        split(rng, sessions, allCrashed, DEVICES, "device-"),
        signatures(rng, crashed),
        newCrashes);
  }

  record Drawn(
      GateInput.Health health,
      List<GateInput.Group> platforms,
      List<GateInput.Group> devices,
      long[] signatureCrashes,
      long newSignatureCrashes) {}

  /** Sessions and crashes split evenly at random over groups (a multinomial draw). */
  private static List<GateInput.Group> split(
      UniformRandomProvider rng, long sessions, long crashed, int groups, String prefix) {
    List<GateInput.Group> out = new ArrayList<>(groups);
    long sLeft = sessions;
    long cLeft = crashed;
    for (int g = 0; g < groups; g++) {
      int left = groups - g;
      long s = g == groups - 1 ? sLeft : binomial(rng, sLeft, 1.0 / left);
      long c = g == groups - 1 ? cLeft : Math.min(s, binomial(rng, cLeft, 1.0 / left));
      out.add(new GateInput.Group(prefix + g, s, Math.min(c, s)));
      sLeft -= s;
      cLeft -= c;
    }
    return out;
  }

  private static long[] signatures(UniformRandomProvider rng, long crashes) {
    double[] weights = new double[SIGNATURES];
    double total = 0;
    for (int i = 0; i < SIGNATURES; i++) {
      weights[i] = 1.0 / (i + 1);
      total += weights[i];
    }
    long[] out = new long[SIGNATURES];
    long left = crashes;
    double wLeft = total;
    for (int i = 0; i < SIGNATURES; i++) {
      out[i] = i == SIGNATURES - 1 ? left : binomial(rng, left, weights[i] / wLeft);
      left -= out[i];
      wLeft -= weights[i];
    }
    return out;
  }

  static long binomial(UniformRandomProvider rng, long n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    return BinomialDistribution.of(Math.toIntExact(n), p).createSampler(rng).sample();
  }

  static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /** The gate's input for a candidate drawn against a baseline drawn (null: no baseline). */
  static GateInput input(Drawn candidate, Drawn baseline) {
    List<GateInput.SignatureCount> fresh = new ArrayList<>();
    if (candidate.newSignatureCrashes() > 0) {
      fresh.add(new GateInput.SignatureCount("new0", "NewCrash", candidate.newSignatureCrashes()));
    }
    List<GateInput.SignaturePair> shared = new ArrayList<>();
    for (int i = 0; i < SIGNATURES; i++) {
      long c = candidate.signatureCrashes()[i];
      long b = baseline == null ? 0 : baseline.signatureCrashes()[i];
      if (c == 0) {
        continue;
      }
      if (baseline == null || b == 0) {
        fresh.add(new GateInput.SignatureCount("sig" + i, "Crash" + i, c));
      } else {
        shared.add(new GateInput.SignaturePair("sig" + i, "Crash" + i, c, b));
      }
    }
    return new GateInput(
        "candidate",
        baseline == null ? null : "baseline",
        candidate.health(),
        baseline == null ? null : baseline.health(),
        candidate.platforms(),
        candidate.devices(),
        fresh,
        fresh.size(),
        shared,
        shared.size(),
        List.of());
  }
}
