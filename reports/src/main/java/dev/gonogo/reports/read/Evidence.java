package dev.gonogo.reports.read;

import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import java.util.List;
import java.util.Set;

/**
 * Everything the verdict is taken on, as read (read → aggregate → write). Each input carries its
 * value or why it has none.
 *
 * @param release candidate, baseline, commit
 * @param integration the integration suites' results
 * @param loadCandidate the candidate's load summaries, one per simulation; an {@code Input} per
 *     file or folder given (a folder with no summary is one EMPTY input)
 * @param loadBaseline the baseline's load summaries; empty list when no baseline was given
 * @param beta beta-feedback's gate and health for the candidate
 * @param skipped sections the user excluded on purpose ({@code --skip}); their inputs are {@link
 *     Input.Problem#NOT_GIVEN} and the verdict says they were not evaluated
 */
public record Evidence(
    Release release,
    Input<IntegrationResults> integration,
    List<Input<LoadSummary>> loadCandidate,
    List<Input<LoadSummary>> loadBaseline,
    Input<BetaHealth> beta,
    Set<Section> skipped) {
  public Evidence {
    loadCandidate = List.copyOf(loadCandidate);
    loadBaseline = List.copyOf(loadBaseline);
    skipped = skipped == null || skipped.isEmpty() ? Set.of() : Set.copyOf(skipped);
  }

  /** Evidence with no section skipped. */
  public Evidence(
      Release release,
      Input<IntegrationResults> integration,
      List<Input<LoadSummary>> loadCandidate,
      List<Input<LoadSummary>> loadBaseline,
      Input<BetaHealth> beta) {
    this(release, integration, loadCandidate, loadBaseline, beta, Set.of());
  }
}
