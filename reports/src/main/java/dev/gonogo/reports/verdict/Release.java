package dev.gonogo.reports.verdict;

/**
 * What is being decided on.
 *
 * @param candidate the candidate release name (e.g. {@code beta-feedback@0.2.0}); never blank
 * @param baseline the release it is compared with; null when none was given
 * @param commit the commit the candidate was built from; null when unknown
 */
public record Release(String candidate, String baseline, String commit) {
  public Release {
    if (candidate == null || candidate.isBlank()) {
      throw new IllegalArgumentException("a verdict needs the candidate release's name");
    }
  }
}
