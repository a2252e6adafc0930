package dev.gonogo.reports.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.load.config.TargetConfig;
import dev.gonogo.load.target.CandidateProcess;
import dev.gonogo.reports.policy.PolicyException;
import dev.gonogo.reports.policy.ReleasePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end release check, the README's main command: start the beta-feedback service on its
 * embedded SQLite store, replay a simulated beta population for a baseline and a candidate release
 * as Sentry-protocol traffic, run the smoke load suite twice (the baseline's and the candidate's
 * run of the one build), take the verdict, write it and the Allure report, print GO / NO-GO and
 * where the report is. {@code --inject-regression} seeds a regression in the candidate.
 */
@Command(
    name = "check",
    exitCodeOnInvalidInput = CheckCommand.EXIT_USAGE,
    mixinStandardHelpOptions = true,
    description = {
      "The end-to-end release check on the embedded SQLite store (no Docker): beta replay for a"
          + " baseline and a candidate release, the smoke load suite against both, one verdict,"
          + " an Allure report.",
      "Exit code: 0 GO, 1 NO-GO, 2 INCONCLUSIVE, 64 usage error, 70 the check itself failed."
    })
public final class CheckCommand implements Callable<Integer> {
  static final int STEPS = 7;

  /** As {@code gonogo verdict}: a bad option or an unusable policy file. */
  static final int EXIT_USAGE = 64;

  @Option(
      names = "--repository",
      description = "The gonogo checkout (mvnw, release-policy.yaml, built jars). Default: .",
      defaultValue = ".")
  Path repository;

  @Option(
      names = "--out",
      description = "Where the check writes everything. Default: target/release-check",
      defaultValue = "target/release-check")
  Path out;

  @Option(
      names = "--inject-regression",
      description =
          "Seed a regression in the candidate: a new crash in its beta population (the reconnect"
              + " handler fails when the server answers slowly), 1.5 % of sessions.")
  boolean injectRegression;

  @Option(
      names = "--baseline",
      description = "The baseline release's name. Default: ${DEFAULT-VALUE}",
      defaultValue = "demo-app@1.4.0")
  String baseline;

  @Option(
      names = "--candidate",
      description = "The candidate release's name. Default: ${DEFAULT-VALUE}",
      defaultValue = "demo-app@1.5.0")
  String candidate;

  @Option(
      names = "--users",
      description = "Beta users (devices) per release. Default: ${DEFAULT-VALUE}",
      defaultValue = "4000")
  int users;

  @Option(
      names = "--sessions-per-user",
      description = "Sessions per beta user. Default: ${DEFAULT-VALUE}",
      defaultValue = "10")
  double sessionsPerUser;

  @Option(
      names = "--seed",
      description = "Seed of the simulated beta populations. Default: ${DEFAULT-VALUE}",
      defaultValue = "20101222")
  long seed;

  @Option(
      names = "--commit",
      description = "The commit the candidate was built from (shown in the report).")
  String commit;

  @Option(
      names = "--allure-home",
      description =
          "allure-commandline's folder. Default: the one under"
              + " reports/target/allure-commandline/")
  Path allureHome;

  @Option(
      names = "--load-timeout-seconds",
      description = "Upper bound of each load suite run. Default: ${DEFAULT-VALUE}",
      defaultValue = "600")
  long loadTimeoutSeconds;

  @Option(
      names = "--skip-load",
      description = "Leave the load suite out (the verdict says so); for a quick look at beta.")
  boolean skipLoad;

  private final PrintStream console;
  private final Clock clock;

  public CheckCommand() {
    this(System.out, Clock.systemUTC());
  }

  CheckCommand(PrintStream console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Path repo = repository.toAbsolutePath().normalize();
    Path work = (out.isAbsolute() ? out : repo.resolve(out)).normalize();
    Files.createDirectories(work);
    // Read before minutes of replay and load runs: a policy that cannot be used stops the check
    // at once, as a usage error (the file is the user's).
    ReleasePolicy policy;
    try {
      policy = ReleasePolicy.load(repo.resolve("release-policy.yaml"));
    } catch (PolicyException e) {
      console.println("gonogo check: " + e.getMessage());
      return EXIT_USAGE;
    }
    Progress progress = new Progress(console, STEPS);
    console.printf(
        "gonogo release check: candidate %s against baseline %s%s%n",
        candidate, baseline, injectRegression ? " (with a seeded regression)" : "");

    progress.step("starting the beta-feedback service beta users report to (embedded SQLite)");
    Path jar = betaFeedbackJar(repo);
    // CandidateProcess stops a service a killed check left behind (by its pid file in this
    // folder) and removes its database: the folder must not be wiped first.
    Path serviceDir = work.resolve("beta-service");
    String token = newToken();
    TargetConfig.Candidate spec =
        new TargetConfig.Candidate(
            Optional.of(jar),
            serviceDir,
            List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
            Map.of("GONOGO_ADMIN_TOKEN", token),
            Duration.ofSeconds(20));
    int exit;
    try (CandidateProcess service = CandidateProcess.start(spec, Duration.ofSeconds(90))) {
      URI dsn = dsn(service.baseUri(), token);
      progress.detail("at " + service.baseUri() + " (log: " + service.logFile() + ")");

      Instant now = clock.instant();
      BetaPopulation base =
          BetaPopulation.honest(
              baseline,
              users,
              sessionsPerUser,
              now.minus(Duration.ofHours(72)),
              now.minus(Duration.ofHours(26)),
              seed);
      BetaPopulation cand =
          BetaPopulation.honest(
              candidate,
              users,
              sessionsPerUser,
              now.minus(Duration.ofHours(24)),
              now.minus(Duration.ofMinutes(10)),
              seed + 1);
      if (injectRegression) {
        cand = cand.withRegression();
      }
      BetaReplay replay = new BetaReplay(dsn);
      progress.step(
          String.format(
              "replaying the baseline's beta population: %,d users, ~%,d sessions, %.3f %% crash"
                  + " rate",
              base.users(), base.expectedSessions(), 100 * base.crashRate()));
      progress.detail(replay.replay(base).describe());
      progress.step(
          String.format(
              "replaying the candidate's beta population: %,d users, ~%,d sessions, %.3f %% crash"
                  + " rate%s",
              cand.users(),
              cand.expectedSessions(),
              100 * cand.crashRate(),
              injectRegression ? " (seeded: a new crash when the server answers slowly)" : ""));
      progress.detail(replay.replay(cand).describe());

      LoadSuite suite = new LoadSuite(repo, Duration.ofSeconds(loadTimeoutSeconds));
      List<Path> baselineLoad = List.of();
      List<Path> candidateLoad = List.of();
      if (skipLoad) {
        progress.step("smoke load suite, the baseline's run: left out (--skip-load)");
        progress.step("smoke load suite, the candidate's run: left out (--skip-load)");
      } else {
        progress.step("smoke load suite, the baseline's run (5 simulations, ~1 min)");
        LoadSuite.Run b =
            suite.run(
                "baseline",
                BASE_JVM,
                work.resolve("load/baseline"),
                work.resolve("logs/load-baseline.log"),
                progress::detail);
        baselineLoad = List.of(work.resolve("load/baseline"));
        progress.detail(describe(b));
        progress.step("smoke load suite, the candidate's run (the same build: one checkout)");
        LoadSuite.Run c =
            suite.run(
                "candidate",
                BASE_JVM,
                work.resolve("load/candidate"),
                work.resolve("logs/load-candidate.log"),
                progress::detail);
        candidateLoad = List.of(work.resolve("load/candidate"));
        progress.detail(describe(c));
      }

      progress.step("taking the verdict under release-policy.yaml");
      progress.detail(
          "integration: not part of this check (the container suites need Docker; ./gonogo test"
              + " runs them)");
      exit =
          Evaluation.run(
              new Evaluation.Request(
                  repo,
                  work,
                  candidate,
                  baseline,
                  commit,
                  service.baseUri(),
                  token,
                  baselineLoad,
                  candidateLoad,
                  skipLoad,
                  allureHome),
              policy,
              clock,
              console,
              progress);
    }
    return exit;
  }

  /** The candidate's JVM in both load runs: bounded heap, as the main command runs it. */
  static final String BASE_JVM = "-Xmx256m -XX:+ExitOnOutOfMemoryError";

  /**
   * One line on a load run. Its summaries are passed to the verdict as a folder, so a run that
   * wrote none is an empty input (INCONCLUSIVE), never a missing baseline.
   */
  private static String describe(LoadSuite.Run run) {
    String maven =
        run.mavenExit() == 0
            ? ""
            : "; Maven exited "
                + run.mavenExit()
                + " (a missed SLO fails the suite's build: the verdict judges the summaries)";
    return run.summaries().size() + " summaries" + maven + "; Maven log: " + run.log();
  }

  private static Path betaFeedbackJar(Path repo) throws IOException {
    Path target = repo.resolve("beta-feedback/target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        Optional<Path> jar =
            files
                .filter(p -> p.getFileName().toString().matches("beta-feedback-.*-all\\.jar"))
                .findFirst();
        if (jar.isPresent()) {
          return jar.get();
        }
      }
    }
    throw new IllegalStateException(
        "no beta-feedback/target/beta-feedback-*-all.jar under "
            + repo
            + ": build it first (./gonogo does: ./mvnw -pl beta-feedback,load-tests,reports -am"
            + " install -DskipTests)");
  }

  private static String newToken() {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  /** The service's default project's DSN, from its admin API. */
  private static URI dsn(URI base, String token) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode project =
        response.statusCode() == 200
            ? new ObjectMapper().readTree(response.body()).path("projects").path(0)
            : null;
    if (project == null || !project.hasNonNull("dsn")) {
      throw new IllegalStateException(
          "GET "
              + base
              + "/api/v1/projects answered "
              + response.statusCode()
              + " without a project DSN: "
              + response.body());
    }
    return URI.create(project.get("dsn").asText());
  }
}
