package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.gate.Finding;
import dev.gonogo.feedback.gate.GateInput;
import dev.gonogo.feedback.gate.Policy;
import dev.gonogo.feedback.gate.Status;
import dev.gonogo.feedback.stats.Interval;
import dev.gonogo.feedback.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Signatures crashing in both releases whose candidate rate is significantly above {@code
 * spiking-factor} times their baseline rate (anytime intervals at alpha / 2m each). A spike is a
 * WARN: the crash-rate rule already judges the release as a whole.
 */
public final class SpikingSignaturesRule implements Rule {
  @Override
  public String name() {
    return "spiking-signatures";
  }

  @Override
  public boolean comparesWithBaseline() {
    return true;
  }

  /** Whether a signature's candidate rate is significantly above factor x its baseline rate. */
  public static boolean spiking(
      long candidateCrashes,
      long candidateSessions,
      long baselineCrashes,
      long baselineSessions,
      double factor,
      double alpha) {
    if (candidateSessions == 0 || baselineSessions == 0) {
      return false;
    }
    // The intervals hold the point rates, so a spike needs p1 > factor x p0 to begin with: most
    // signatures are settled here without computing an interval.
    if ((double) candidateCrashes / candidateSessions
        <= factor * ((double) baselineCrashes / baselineSessions)) {
      return false;
    }
    Interval c =
        new Proportion(Math.min(candidateCrashes, candidateSessions), candidateSessions)
            .anytimeInterval(alpha / 2);
    Interval b =
        new Proportion(Math.min(baselineCrashes, baselineSessions), baselineSessions)
            .anytimeInterval(alpha / 2);
    return c.low() > factor * b.high();
  }

  @Override
  public Finding evaluate(GateInput input, Policy policy) {
    long n1 = input.candidateHealth().sessions();
    long n0 = input.baselineHealth().sessions();
    List<GateInput.SignaturePair> pairs = input.sharedSignatures();
    double alpha =
        policy.alpha() / Math.max(1, Math.max(pairs.size(), input.sharedSignatureCount()));
    List<String> spikes = new ArrayList<>();
    for (GateInput.SignaturePair s : pairs) {
      if (spiking(
          s.candidateCrashEvents(),
          n1,
          s.baselineCrashEvents(),
          n0,
          policy.spikingFactor(),
          alpha)) {
        spikes.add(
            String.format(
                Locale.ROOT,
                "'%s' [%s] %s of sessions vs %s in %s",
                s.title(),
                s.fingerprint(),
                Text.percent((double) s.candidateCrashEvents() / n1),
                Text.percent((double) s.baselineCrashEvents() / n0),
                input.baseline()));
      }
    }
    if (spikes.isEmpty()) {
      return new Finding(
          name(),
          Status.PASS,
          0.0,
          policy.spikingFactor(),
          n1,
          null,
          "no signature crashes significantly more than "
              + policy.spikingFactor()
              + "× its rate in "
              + input.baseline()
              + " ("
              + pairs.size()
              + " most crashing of "
              + input.sharedSignatureCount()
              + " compared)",
          List.of());
    }
    return new Finding(
        name(),
        Status.WARN,
        (double) spikes.size(),
        policy.spikingFactor(),
        n1,
        null,
        spikes.size()
            + " signature(s) spiking above "
            + policy.spikingFactor()
            + "× their baseline rate; first: "
            + spikes.get(0),
        spikes.stream().limit(10).toList());
  }
}
