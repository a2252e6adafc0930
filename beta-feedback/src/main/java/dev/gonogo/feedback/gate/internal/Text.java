package dev.gonogo.feedback.gate.internal;

import dev.gonogo.feedback.stats.Interval;
import java.util.Locale;

/** How findings write numbers: "97.1 %", "99.95 %", "3,214", "96.5–97.6 %". */
final class Text {
  private Text() {}

  static String percent(double rate) {
    double p = rate * 100;
    if (p > 0 && p < 0.1) {
      return String.format(Locale.ROOT, "%.3f %%", p);
    }
    boolean fine = p >= 90 && p < 100 || p > 0 && p < 1;
    return String.format(Locale.ROOT, fine ? "%.2f %%" : "%.1f %%", p);
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  static String interval(Interval i) {
    return String.format(
        Locale.ROOT,
        "%s anytime interval %s–%s",
        percentOf(i.confidence()),
        strip(percent(i.low())),
        percent(i.high()));
  }

  static String percentOf(double confidence) {
    double p = confidence * 100;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%d", (long) p) : String.valueOf(p))
        + " %";
  }

  private static String strip(String percent) {
    return percent.substring(0, percent.length() - 2);
  }
}
