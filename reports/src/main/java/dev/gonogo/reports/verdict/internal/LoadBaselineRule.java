package dev.gonogo.reports.verdict.internal;

import static dev.gonogo.reports.verdict.internal.Findings.num;
import static dev.gonogo.reports.verdict.internal.Findings.pct;
import static dev.gonogo.reports.verdict.internal.Findings.signed;

import dev.gonogo.load.policy.BaselineLimits;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.Evidence;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.LoadSummary;
import dev.gonogo.reports.read.LoadSummary.Entry;
import dev.gonogo.reports.verdict.Category;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Interval;
import dev.gonogo.reports.verdict.Rule;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate against baseline, per simulation and per request group (and all requests), under {@code
 * load.baseline}: (a) latency shift — one-sided Mann–Whitney test with the Hodges–Lehmann shift;
 * (b) p95 and p99 increase with a bootstrap interval, which catches a tail-only shift the rank test
 * misses; (c) error rate — two-proportion test with Newcombe's interval. A latency comparison is
 * NO-GO when the worsening is significant (Bonferroni over the groups compared) and its interval
 * lies wholly past the policy's tolerance, relative and in ms ({@code min-increase-ms}); the error
 * rate when it is significant and its estimate exceeds the tolerance; fewer than {@value
 * #MIN_REQUESTS} requests on either side is INCONCLUSIVE. Groups are compared when the policy has
 * an SLO for them ({@code load.slos}); the others count in their simulation's all-requests
 * comparison.
 */
public final class LoadBaselineRule implements Rule {
  /** Fewer requests than this in a group on either side: INSUFFICIENT_DATA. */
  public static final int MIN_REQUESTS = 30;

  /**
   * A worsening whose estimate is past the tolerance but whose interval reaches back below it: GO,
   * said plainly. Two runs one after the other on one machine drift by more than their sampling
   * error (docs/verdict.md), so only a worsening proven past the tolerance is NO-GO.
   */
  static final String WARNING =
      "warning: possibly slower than the baseline, not proven past the limit: ";

  @Override
  public String name() {
    return "load.baseline";
  }

  @Override
  public Section section() {
    return Section.LOAD;
  }

  private record Pair(String simulation, Entry candidate, Entry baseline) {
    String subject() {
      return simulation + " / " + candidate.displayName();
    }
  }

  @Override
  public List<Finding> evaluate(Evidence e, ReleasePolicy policy) {
    List<LoadSummary> baselines =
        e.loadBaseline().stream().filter(Input::isPresent).map(Input::value).toList();
    if (baselines.isEmpty()) {
      return List.of();
    }
    Map<String, LoadSummary> candidates = new LinkedHashMap<>();
    e.loadCandidate().stream()
        .filter(Input::isPresent)
        .map(Input::value)
        .forEach(s -> candidates.putIfAbsent(s.simulation(), s));
    Map<String, LoadSummary> byBaseline = new LinkedHashMap<>();
    baselines.forEach(s -> byBaseline.putIfAbsent(s.simulation(), s));

    List<Finding> findings = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    for (LoadSummary b : byBaseline.values()) {
      if (policy.load().baseline().excludeSimulations().contains(b.simulationName())) {
        findings.add(
            Finding.go(
                Section.LOAD,
                "load.baseline.excluded",
                b.simulationName(),
                null,
                null,
                "",
                null,
                null,
                b.simulationName()
                    + " is not compared with its baseline (load.baseline.exclude-simulations):"
                    + " its requests arrive at once and move together, one event per run; its"
                    + " SLOs judge it"));
        continue;
      }
      LoadSummary c = candidates.get(b.simulation());
      if (c == null) {
        findings.add(
            unpaired(
                b.simulationName(),
                "the baseline of "
                    + b.simulationName()
                    + " has no candidate summary of the same simulation to compare with"));
        continue;
      }
      pairs.add(new Pair(c.simulationName(), c.global(), b.global()));
      for (Entry cg : c.groups()) {
        if (!hasSlo(policy, cg)) {
          // A group the policy sets no objective for (e.g. the suites' set-up checks, a couple
          // of requests) is not compared on its own; its requests count in all requests.
          continue;
        }
        Entry bg =
            b.groups().stream().filter(g -> g.path().equals(cg.path())).findFirst().orElse(null);
        if (bg == null) {
          findings.add(
              unpaired(
                  c.simulationName() + " / " + cg.displayName(),
                  "group "
                      + cg.displayName()
                      + " of "
                      + c.simulationName()
                      + " is in the candidate's run but not in the baseline's"));
        } else {
          pairs.add(new Pair(c.simulationName(), cg, bg));
        }
      }
    }
    for (LoadSummary c : candidates.values()) {
      if (!byBaseline.containsKey(c.simulation())
          && !policy.load().baseline().excludeSimulations().contains(c.simulationName())) {
        findings.add(
            unpaired(
                c.simulationName(),
                c.simulationName()
                    + " has no baseline summary although a baseline was given (--load-baseline):"
                    + " it cannot be compared"));
      }
    }
    double confidence = policy.loadConfidence();
    long compared =
        pairs.stream()
            .filter(p -> p.candidate.count() >= MIN_REQUESTS && p.baseline.count() >= MIN_REQUESTS)
            .count();
    double alpha = (1 - confidence) / Math.max(1, compared);
    BaselineLimits limits = policy.load().baseline();
    for (Pair pair : pairs) {
      findings.addAll(compare(pair, limits, alpha, compared));
    }
    return findings;
  }

  /** Whether the policy has an SLO for the group (its top-level name, as the suites assert). */
  private static boolean hasSlo(ReleasePolicy policy, Entry group) {
    return !group.path().isEmpty() && policy.load().slo(group.path().get(0)).isPresent();
  }

  private static Finding unpaired(String subject, String reason) {
    return Finding.notGo(
        Section.LOAD,
        "load.baseline.pairing",
        subject,
        Status.INCONCLUSIVE,
        Category.INSUFFICIENT_DATA,
        null,
        null,
        "",
        null,
        null,
        reason);
  }

  private static List<Finding> compare(Pair pair, BaselineLimits limits, double alpha, long k) {
    Entry c = pair.candidate;
    Entry b = pair.baseline;
    String subject = pair.subject();
    long sample = Math.min(c.count(), b.count());
    if (c.count() < MIN_REQUESTS || b.count() < MIN_REQUESTS) {
      return List.of(
          Finding.notGo(
              Section.LOAD,
              "load.baseline.sample-size",
              subject,
              Status.INCONCLUSIVE,
              Category.INSUFFICIENT_DATA,
              (double) sample,
              (double) MIN_REQUESTS,
              "requests",
              sample,
              null,
              subject
                  + ": "
                  + c.count()
                  + " candidate and "
                  + b.count()
                  + " baseline requests; at least "
                  + MIN_REQUESTS
                  + " on each side are needed to compare them"));
    }
    List<Finding> findings = new ArrayList<>();
    Buckets cb = Buckets.of(c.responseTimeMs() == null ? null : c.responseTimeMs().histogram());
    Buckets bb = Buckets.of(b.responseTimeMs() == null ? null : b.responseTimeMs().histogram());
    String sizes = c.count() + " vs " + b.count() + " requests";
    String bonferroni =
        "α " + Findings.p(alpha) + (k > 1 ? " after Bonferroni over " + k + " groups" : "");
    double familyConfidence = 1 - alpha;
    if (cb.total() < MIN_REQUESTS || bb.total() < MIN_REQUESTS) {
      findings.add(
          Finding.notGo(
              Section.LOAD,
              "load.baseline.histogram",
              subject,
              Status.INCONCLUSIVE,
              Category.INFRASTRUCTURE,
              null,
              null,
              "",
              sample,
              null,
              subject
                  + ": the summaries hold no usable latency histogram ("
                  + cb.total()
                  + " vs "
                  + bb.total()
                  + " values); latency cannot be compared"));
    } else {
      // (a) location shift
      LatencyComparison.Shift shift = LatencyComparison.shift(cb, bb, familyConfidence);
      double median = shift.baselineMedianMs();
      double shiftPct = shift.shiftPercent();
      // Histogram values start at 1 ms, so a median of 0 cannot come from a summary; guarded all
      // the same, since a relative interval around 0 is undefined.
      Interval shiftInterval =
          median > 0
              ? new Interval(
                  shift.low() / median * 100,
                  shift.high() / median * 100,
                  familyConfidence,
                  "hodges-lehmann")
              : null;
      double tolerance = limits.maxMedianIncreasePercent();
      double floorMs = limits.minIncreaseMs();
      // Proven: significant, and even the interval's low end is past the tolerance (relative and
      // absolute). Possible: the estimate is past it but the interval reaches back below.
      boolean slower =
          shift.pValue() < alpha
              && shiftInterval != null
              && shiftInterval.low() > tolerance
              && shift.low() > floorMs;
      boolean possibly =
          !slower && shift.pValue() < alpha && shiftPct > tolerance && shift.shiftMs() > floorMs;
      String reason =
          subject
              + ": median latency shift "
              + signed(shift.shiftMs())
              + " ms ("
              + signed(shiftPct)
              + " % of the baseline's "
              + num(median)
              + " ms; limit +"
              + num(tolerance)
              + " % and "
              + num(floorMs)
              + " ms); one-sided Mann–Whitney p "
              + Findings.p(shift.pValue())
              + " ("
              + bonferroni
              + "); "
              + pct(familyConfidence)
              + " Hodges–Lehmann interval "
              + signed(shift.low())
              + ".."
              + signed(shift.high())
              + " ms; "
              + sizes;
      findings.add(
          slower
              ? Finding.notGo(
                  Section.LOAD,
                  "load.baseline.latency-shift",
                  subject,
                  Status.NO_GO,
                  Category.PRODUCT_REGRESSION,
                  shiftPct,
                  tolerance,
                  "%",
                  sample,
                  shiftInterval,
                  "slower than the baseline: " + reason)
              : Finding.go(
                  Section.LOAD,
                  "load.baseline.latency-shift",
                  subject,
                  shiftPct,
                  tolerance,
                  "%",
                  sample,
                  shiftInterval,
                  possibly ? WARNING + reason : reason));
      // (b) tails
      long seed = subject.hashCode() * 0x9E3779B97F4A7C15L;
      findings.add(
          tail(
              subject,
              "p95",
              0.95,
              cb,
              bb,
              limits.maxP95IncreasePercent(),
              limits.minIncreaseMs(),
              alpha,
              bonferroni,
              sizes,
              sample,
              seed));
      findings.add(
          tail(
              subject,
              "p99",
              0.99,
              cb,
              bb,
              limits.maxP99IncreasePercent(),
              limits.minIncreaseMs(),
              alpha,
              bonferroni,
              sizes,
              sample,
              seed + 1));
    }
    // (c) error rate
    ErrorRateComparison err =
        ErrorRateComparison.of(c.ko(), c.count(), b.ko(), b.count(), familyConfidence);
    double limit = limits.maxErrorPercentIncrease();
    boolean worse = err.pValue() < alpha && err.differencePoints() > limit;
    Interval errInterval =
        new Interval(err.low(), err.high(), familyConfidence, "newcombe hybrid score");
    String reason =
        subject
            + ": errors "
            + num2(err.candidatePercent())
            + " % vs the baseline's "
            + num2(err.baselinePercent())
            + " % ("
            + signed2(err.differencePoints())
            + " points; limit +"
            + num2(limit)
            + "); one-sided "
            + err.method()
            + " p "
            + Findings.p(err.pValue())
            + " ("
            + bonferroni
            + "); "
            + pct(familyConfidence)
            + " Newcombe interval "
            + signed2(err.low())
            + ".."
            + signed2(err.high())
            + " points; "
            + sizes;
    findings.add(
        worse
            ? Finding.notGo(
                Section.LOAD,
                "load.baseline.error-rate",
                subject,
                Status.NO_GO,
                Category.PRODUCT_REGRESSION,
                err.differencePoints(),
                limit,
                "percentage points",
                sample,
                errInterval,
                "more errors than the baseline: " + reason)
            : Finding.go(
                Section.LOAD,
                "load.baseline.error-rate",
                subject,
                err.differencePoints(),
                limit,
                "percentage points",
                sample,
                errInterval,
                reason));
    return findings;
  }

  private static Finding tail(
      String subject,
      String name,
      double q,
      Buckets cb,
      Buckets bb,
      double limit,
      double floorMs,
      double alpha,
      String bonferroni,
      String sizes,
      long sample,
      long seed) {
    LatencyComparison.TailShift t =
        LatencyComparison.tail(cb, bb, q, 1 - alpha, LatencyComparison.BOOTSTRAP_ROUNDS, seed);
    double increaseMs = t.candidateMs() - t.baselineMs();
    // Proven: the one-sided bound itself is past the tolerance, relative and absolute.
    boolean worse = t.oneSidedLow() > limit && t.baselineMs() * t.oneSidedLow() / 100 > floorMs;
    boolean possibly =
        !worse && t.oneSidedLow() > 0 && t.increasePercent() > limit && increaseMs > floorMs;
    Interval interval = new Interval(t.low(), t.high(), 1 - alpha, "bootstrap");
    String reason =
        subject
            + ": "
            + name
            + " "
            + num(t.candidateMs())
            + " ms vs the baseline's "
            + num(t.baselineMs())
            + " ms ("
            + signed(t.increasePercent())
            + " %; limit +"
            + num(limit)
            + " % and "
            + num(floorMs)
            + " ms); "
            + pct(1 - alpha)
            + " bootstrap interval "
            + signed(t.low())
            + ".."
            + signed(t.high())
            + " % ("
            + LatencyComparison.BOOTSTRAP_ROUNDS
            + " rounds, "
            + bonferroni
            + "); "
            + sizes;
    String rule = "load.baseline." + name + "-increase";
    return worse
        ? Finding.notGo(
            Section.LOAD,
            rule,
            subject,
            Status.NO_GO,
            Category.PRODUCT_REGRESSION,
            t.increasePercent(),
            limit,
            "%",
            sample,
            interval,
            name + " regressed: " + reason)
        : Finding.go(
            Section.LOAD,
            rule,
            subject,
            t.increasePercent(),
            limit,
            "%",
            sample,
            interval,
            possibly ? WARNING + reason : reason);
  }

  private static String num2(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  private static String signed2(double v) {
    return (v >= 0 ? "+" : "") + num2(v);
  }
}
