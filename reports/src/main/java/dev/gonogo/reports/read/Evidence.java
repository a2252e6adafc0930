package dev.gonogo.reports.read;

import dev.gonogo.reports.verdict.Release;
import java.util.List;

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
 */
public record Evidence(
    Release release,
    Input<IntegrationResults> integration,
    List<Input<LoadSummary>> loadCandidate,
    List<Input<LoadSummary>> loadBaseline,
    Input<BetaHealth> beta) {
  public Evidence {
    loadCandidate = List.copyOf(loadCandidate);
    loadBaseline = List.copyOf(loadBaseline);
  }
}
