package dev.gonogo.reports.verdict;

/**
 * The release decision, ordered from best to worst. The process exit code is what CI reads.
 *
 * <ul>
 *   <li>{@link #GO} (exit 0): every finding passed and there was data to decide on;
 *   <li>{@link #NO_GO} (exit 1): at least one finding shows a regression or a broken rule;
 *   <li>{@link #INCONCLUSIVE} (exit 2): nothing failed, but something could not be decided — an
 *       input was missing or empty, or a sample was too small. Never read as green.
 * </ul>
 *
 * <p>When findings are combined, {@link #worst} ranks NO_GO above INCONCLUSIVE above GO: a proven
 * regression outweighs a missing input.
 */
public enum Status {
  GO(0, "GO"),
  INCONCLUSIVE(2, "INCONCLUSIVE"),
  NO_GO(1, "NO-GO");

  private final int exitCode;
  private final String label;

  Status(int exitCode, String label) {
    this.exitCode = exitCode;
    this.label = label;
  }

  public int exitCode() {
    return exitCode;
  }

  /** How a release manager reads it: GO, NO-GO, INCONCLUSIVE. */
  public String label() {
    return label;
  }

  public static Status worst(Status a, Status b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
