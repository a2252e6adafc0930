package dev.gonogo.reports.read;

import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the verdict is asked to read, as the command line gave it.
 *
 * @param release candidate, baseline, commit
 * @param integration an Allure results folder ({@code *-result.json}) or a folder or file of JUnit
 *     XML ({@code TEST-*.xml}); null when not given
 * @param loadCandidate files or folders of {@code *.json} load summaries of the candidate
 * @param loadBaseline the same for the baseline; empty when none was given (the candidate is then
 *     judged on SLOs only)
 * @param betaUrl beta-feedback's base URL; null when not given
 * @param betaProject the project id; {@code "1"} when null or blank
 * @param betaToken the admin token; may be null (the server then answers 401)
 * @param environment one environment of beta-feedback; null for all
 * @param skipped sections the user excluded on purpose ({@code --skip})
 */
public record VerdictInputs(
    Release release,
    Path integration,
    List<Path> loadCandidate,
    List<Path> loadBaseline,
    URI betaUrl,
    String betaProject,
    String betaToken,
    String environment,
    Set<Section> skipped) {
  public static final String DEFAULT_PROJECT = "1";

  public VerdictInputs {
    Objects.requireNonNull(release, "release");
    loadCandidate = loadCandidate == null ? List.of() : List.copyOf(loadCandidate);
    loadBaseline = loadBaseline == null ? List.of() : List.copyOf(loadBaseline);
    betaProject = betaProject == null || betaProject.isBlank() ? DEFAULT_PROJECT : betaProject;
    environment = environment == null || environment.isBlank() ? null : environment;
    skipped = skipped == null || skipped.isEmpty() ? Set.of() : Set.copyOf(skipped);
  }

  public boolean isSkipped(Section section) {
    return skipped.contains(section);
  }
}
