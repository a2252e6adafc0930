package dev.gonogo.reports.verdict.internal;

import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.verdict.Category;
import java.util.Locale;

/** Formatting and small mappings shared by the rules. */
final class Findings {
  private Findings() {}

  /** Missing, empty or not given: no data. Unreadable, unreachable: the harness failed. */
  static Category categoryOf(Input.Problem problem) {
    return switch (problem) {
      case NOT_GIVEN, MISSING, EMPTY -> Category.INSUFFICIENT_DATA;
      case UNREADABLE, UNREACHABLE -> Category.INFRASTRUCTURE;
    };
  }

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  static String signed(double value) {
    return (value >= 0 ? "+" : "") + num(value);
  }

  static String pct(double confidence) {
    double p = confidence * 100;
    return p == Math.rint(p)
        ? String.format(Locale.ROOT, "%.0f %%", p)
        : String.format(Locale.ROOT, "%.2f %%", p);
  }

  static String p(double pValue) {
    return pValue < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", pValue);
  }
}
