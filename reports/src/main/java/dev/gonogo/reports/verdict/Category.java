package dev.gonogo.reports.verdict;

/**
 * Why a finding is not GO, as the Allure report groups it (its {@code categories.json}). A passing
 * finding has no category.
 */
public enum Category {
  /** The candidate is worse than its baseline: latency or error shift, crash-rate increase. */
  PRODUCT_REGRESSION("Product regression"),
  /** An absolute objective was missed: an SLO, a crash-free floor, a failed test. */
  SLO_BREACH("SLO breach"),
  /** The harness could not get an answer: a service unreachable, a broken run, a bad file. */
  INFRASTRUCTURE("Infrastructure"),
  /** An input was missing, empty, or too small a sample to decide on. */
  INSUFFICIENT_DATA("Insufficient data");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  /** The category's name in the Allure report. */
  public String label() {
    return label;
  }
}
