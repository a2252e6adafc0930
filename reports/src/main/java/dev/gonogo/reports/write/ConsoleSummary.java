package dev.gonogo.reports.write;

import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import dev.gonogo.reports.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The verdict on one screen (at most about 25 lines): the status, what was decided on, counts per
 * section, the blocking reasons, the sections left out on request, and where verdict.json is.
 */
public final class ConsoleSummary {
  /** Blocking findings shown; the rest are counted. */
  static final int MAX_BLOCKING = 8;

  private static final int WIDTH = 160;

  private ConsoleSummary() {}

  public static String render(Verdict verdict) {
    return render(verdict, null);
  }

  /** As {@link #render(Verdict)}, ending with where verdict.json was written (when not null). */
  public static String render(Verdict verdict, Path json) {
    StringBuilder out = new StringBuilder();
    String bar = "=".repeat(12);
    out.append(bar)
        .append("  ")
        .append(verdict.status().label())
        .append("  ")
        .append(bar)
        .append('\n');
    out.append("candidate ").append(verdict.release().candidate());
    if (verdict.release().baseline() != null) {
      out.append("  baseline ").append(verdict.release().baseline());
    }
    if (verdict.release().commit() != null) {
      out.append("  commit ").append(verdict.release().commit());
    }
    out.append('\n');
    for (Section s : Section.values()) {
      List<Finding> of = verdict.findings().stream().filter(f -> f.section() == s).toList();
      if (of.isEmpty()) {
        continue;
      }
      out.append(
          String.format(
              Locale.ROOT,
              "  %-12s %3d go  %3d no-go  %3d inconclusive%n",
              s.name().toLowerCase(Locale.ROOT),
              count(of, Status.GO),
              count(of, Status.NO_GO),
              count(of, Status.INCONCLUSIVE)));
    }
    List<Finding> blocking =
        verdict.findings().stream().filter(f -> f.status() != Status.GO).toList();
    List<Finding> sorted =
        blocking.stream()
            .sorted((a, b) -> Integer.compare(b.status().ordinal(), a.status().ordinal()))
            .toList();
    if (!sorted.isEmpty()) {
      out.append(verdict.status() == Status.NO_GO ? "Blocking:" : "Undecided:").append('\n');
    }
    for (int i = 0; i < Math.min(MAX_BLOCKING, sorted.size()); i++) {
      Finding f = sorted.get(i);
      String mark = f.status() == Status.NO_GO ? "  x " : "  ? ";
      out.append(clip(mark + f.rule() + ": " + f.reason())).append('\n');
    }
    if (sorted.size() > MAX_BLOCKING) {
      out.append("  ... and ")
          .append(sorted.size() - MAX_BLOCKING)
          .append(" more in verdict.json\n");
    }
    verdict.findings().stream()
        .filter(f -> f.rule().startsWith("inputs.skipped."))
        .forEach(f -> out.append(clip("  - " + f.reason())).append('\n'));
    if (json != null) {
      out.append("verdict.json: ").append(json.toAbsolutePath()).append('\n');
    }
    return out.toString();
  }

  private static long count(List<Finding> findings, Status status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  private static String clip(String line) {
    String one = line.replace('\n', ' ');
    return one.length() <= WIDTH ? one : one.substring(0, WIDTH - 3) + "...";
  }
}
