package dev.gonogo.reports.allure;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gonogo report}: generates the HTML report from Allure results folders (the verdict's, and
 * the integration suites' as they are), keeping the previous report's history.
 *
 * <p>Exit codes: 0 report written, 70 it could not be generated (the message says why), 64 usage
 * error.
 */
@Command(
    name = "report",
    exitCodeOnInvalidInput = 64,
    mixinStandardHelpOptions = true,
    description = {
      "Generates the Allure HTML report from Allure results folders, keeping the previous"
          + " report's history (trend charts appear from the second run).",
      "Serve the report over http to view it: opened as a file it stays on \"Loading...\"."
    })
public final class ReportCommand implements Callable<Integer> {
  /** Where {@code ./mvnw -pl reports dependency:unpack@allure-commandline} unpacks it. */
  public static final String DEFAULT_ALLURE_DIR = "reports/target/allure-commandline";

  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      required = true,
      arity = "1..*",
      paramLabel = "DIR",
      description = "Allure results folders; the first one receives the previous report's history.")
  List<Path> results;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The report folder (replaced; its history/ is carried over first).")
  Path out;

  @Option(
      names = "--allure-home",
      paramLabel = "DIR",
      description =
          "allure-commandline's home, or a folder holding one allure-* home (default: "
              + DEFAULT_ALLURE_DIR
              + ").")
  Path allureHome;

  @Option(
      names = "--timeout-seconds",
      paramLabel = "S",
      defaultValue = "180",
      description = "How long allure generate may run (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    try {
      Path home =
          AllureReport.locateAllureHome(
              allureHome == null ? Path.of(DEFAULT_ALLURE_DIR) : allureHome);
      Path index =
          AllureReport.generate(home, results, out, java.time.Duration.ofSeconds(timeoutSeconds));
      spec.commandLine()
          .getOut()
          .println(
              "report: "
                  + index.toAbsolutePath()
                  + "\nview it over http: ./gonogo view "
                  + out
                  + " (or any static web server; opened as a file it stays on Loading...)");
      spec.commandLine().getOut().flush();
      return 0;
    } catch (AllureReport.AllureReportException e) {
      spec.commandLine().getErr().println("gonogo report: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 70;
    }
  }
}
