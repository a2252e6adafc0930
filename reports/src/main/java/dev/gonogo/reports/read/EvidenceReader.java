package dev.gonogo.reports.read;

import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.internal.BetaReader;
import dev.gonogo.reports.read.internal.IntegrationReader;
import dev.gonogo.reports.read.internal.LoadSummaryReader;
import dev.gonogo.reports.verdict.Section;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads every input of the verdict (read → aggregate → write). Never throws for bad input: a
 * missing, empty, unreadable or unreachable input becomes {@link Input#failed} with a message that
 * says what was tried. A section the user skipped is not read ({@link Input.Problem#NOT_GIVEN}).
 */
public final class EvidenceReader {
  public static final String INTEGRATION = "--integration";
  public static final String LOAD_CANDIDATE = "--load-candidate";
  public static final String LOAD_BASELINE = "--load-baseline";
  public static final String BETA = "--beta-url";

  private EvidenceReader() {}

  public static Evidence read(VerdictInputs inputs, ReleasePolicy policy) {
    return read(inputs, policy, Duration.ofSeconds(30));
  }

  /** As {@link #read(VerdictInputs, ReleasePolicy)}, with the HTTP timeout of each request. */
  public static Evidence read(VerdictInputs inputs, ReleasePolicy policy, Duration httpTimeout) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(policy, "policy");
    Input<IntegrationResults> integration =
        inputs.isSkipped(Section.INTEGRATION) || inputs.integration() == null
            ? notGiven(INTEGRATION)
            : IntegrationReader.read(INTEGRATION, inputs.integration());
    List<Input<LoadSummary>> candidate = new ArrayList<>();
    List<Input<LoadSummary>> baseline = new ArrayList<>();
    if (!inputs.isSkipped(Section.LOAD)) {
      inputs
          .loadCandidate()
          .forEach(p -> candidate.addAll(LoadSummaryReader.read(LOAD_CANDIDATE, p, "candidate")));
      inputs
          .loadBaseline()
          .forEach(p -> baseline.addAll(LoadSummaryReader.read(LOAD_BASELINE, p, "baseline")));
    }
    Input<BetaHealth> beta =
        inputs.isSkipped(Section.BETA) || inputs.betaUrl() == null
            ? notGiven(BETA)
            : new BetaReader(httpTimeout).read(inputs, policy.bytes());
    return new Evidence(inputs.release(), integration, candidate, baseline, beta, inputs.skipped());
  }

  private static <T> Input<T> notGiven(String name) {
    return Input.failed(name, "", Input.Problem.NOT_GIVEN, name + " was not given");
  }
}
