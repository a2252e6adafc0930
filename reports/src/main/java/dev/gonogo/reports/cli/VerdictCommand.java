package dev.gonogo.reports.cli;

import dev.gonogo.reports.policy.PolicyException;
import dev.gonogo.reports.policy.ReleasePolicy;
import dev.gonogo.reports.read.VerdictInputs;
import dev.gonogo.reports.run.VerdictRun;
import dev.gonogo.reports.verdict.Release;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Verdict;
import dev.gonogo.reports.write.ConsoleSummary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gonogo verdict}: reads every result, prints the verdict, exits with its code. */
@Command(
    name = "verdict",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = Main.EXIT_USAGE,
    exitCodeOnExecutionException = Main.EXIT_INTERNAL,
    description = {
      "Joins integration results, load summaries and beta-feedback's crash gate into one verdict",
      "(GO, NO-GO or INCONCLUSIVE) with its reasons. docs/verdict.md describes it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:GO",
      "1:NO-GO",
      "2:INCONCLUSIVE (an input missing, empty or unreadable; a sample too small)",
      "64:usage error (bad option, unusable policy file)",
      "70:internal error"
    })
public final class VerdictCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--policy",
      defaultValue = "release-policy.yaml",
      description = "The release policy (default: ${DEFAULT-VALUE}).")
  Path policy;

  @Option(names = "--candidate", required = true, description = "The candidate release's name.")
  String candidate;

  @Option(names = "--baseline", description = "The release to compare with.")
  String baseline;

  @Option(names = "--commit", description = "The commit the candidate was built from.")
  String commit;

  @Option(
      names = "--integration",
      description =
          "Allure results folder (*-result.json), or JUnit XML (TEST-*.xml, file or folder).")
  Path integration;

  @Option(
      names = "--load-candidate",
      description = "Load summary of the candidate, or a folder of them (repeatable).")
  List<Path> loadCandidate = new ArrayList<>();

  @Option(
      names = "--load-baseline",
      description = "Load summary of the baseline, or a folder of them (repeatable).")
  List<Path> loadBaseline = new ArrayList<>();

  @Option(
      names = "--beta-url",
      description = "beta-feedback's base URL, e.g. http://127.0.0.1:8080.")
  URI betaUrl;

  @Option(
      names = "--beta-project",
      defaultValue = "1",
      description = "beta-feedback project id (default: ${DEFAULT-VALUE}).")
  String betaProject;

  @Option(
      names = "--beta-token",
      defaultValue = "${env:GONOGO_ADMIN_TOKEN}",
      description = "beta-feedback's admin token (default: env GONOGO_ADMIN_TOKEN).")
  String betaToken;

  @Option(names = "--environment", description = "Only this environment of beta-feedback.")
  String environment;

  @Option(
      names = "--skip",
      converter = SectionConverter.class,
      description = "Leave a section out on purpose: integration, load or beta (repeatable).")
  List<Section> skip = new ArrayList<>();

  @Option(names = "--out", description = "Folder to write verdict.json to.")
  Path out;

  @Option(
      names = "--allure-results",
      description =
          "Folder to write the verdict's Allure results to (then: gonogo report --results DIR"
              + " [integration-tests/target/allure-results] --out REPORT).")
  Path allureResults;

  @Option(names = "--quiet", description = "Print nothing; the exit code is the verdict.")
  boolean quiet;

  /** The clock the verdict is taken by; tests set a fixed one. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    ReleasePolicy releasePolicy;
    try {
      releasePolicy = ReleasePolicy.load(policy);
    } catch (PolicyException e) {
      spec.commandLine().getErr().println("gonogo verdict: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Release release;
    try {
      release = new Release(candidate, blankToNull(baseline), blankToNull(commit));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    EnumSet<Section> skipped = EnumSet.noneOf(Section.class);
    skipped.addAll(skip);
    VerdictInputs inputs =
        new VerdictInputs(
            release,
            integration,
            loadCandidate,
            loadBaseline,
            betaUrl,
            betaProject,
            blankToNull(betaToken),
            environment,
            skipped);
    VerdictRun run = VerdictRun.take(inputs, releasePolicy, clock, out, allureResults);
    Verdict verdict = run.verdict();
    if (!quiet) {
      spec.commandLine().getOut().print(ConsoleSummary.render(verdict, run.json()));
      spec.commandLine().getOut().flush();
    }
    return verdict.exitCode();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** {@code integration}, {@code load} or {@code beta}, any case. */
  static final class SectionConverter implements CommandLine.ITypeConverter<Section> {
    @Override
    public Section convert(String value) {
      String v = value.trim().toUpperCase(Locale.ROOT);
      if (v.equals("INTEGRATION") || v.equals("LOAD") || v.equals("BETA")) {
        return Section.valueOf(v);
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a section: use integration, load or beta");
    }
  }
}
