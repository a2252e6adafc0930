package dev.gonogo.reports.verdict;

/**
 * Which part of the harness a finding comes from; the verdict's own findings are {@link #INPUTS}.
 */
public enum Section {
  /** The container suites (integration-tests), from their Allure results or JUnit XML. */
  INTEGRATION,
  /** The Gatling suites, from their load summaries (candidate, and baseline when given). */
  LOAD,
  /** beta-feedback's crash gate and release health. */
  BETA,
  /** Whether the inputs themselves were there: a missing input is a finding, never silence. */
  INPUTS
}
