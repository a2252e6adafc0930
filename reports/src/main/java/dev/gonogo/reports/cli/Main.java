package dev.gonogo.reports.cli;

import dev.gonogo.reports.allure.ReportCommand;
import dev.gonogo.reports.allure.ViewCommand;
import dev.gonogo.reports.check.CheckCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gonogo}: the release harness' command line. Subcommands: {@code verdict} (the verdict over
 * results you have), {@code check} (the end-to-end release check, the README's main command),
 * {@code report} (the Allure HTML report from results folders) and {@code view} (serves a report).
 */
@Command(
    name = "gonogo",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = Main.EXIT_USAGE,
    exitCodeOnExecutionException = Main.EXIT_INTERNAL,
    version = "gonogo 0.1.0",
    description = "Release-testing harness: one GO / NO-GO / INCONCLUSIVE verdict for a candidate.",
    subcommands = {
      VerdictCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      ViewCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:GO",
      "1:NO-GO",
      "2:INCONCLUSIVE",
      "64:usage error (bad option, unusable policy file)",
      "70:internal error"
    })
public final class Main implements Runnable {
  /** A command line or option the command cannot run with; never 2, which is INCONCLUSIVE. */
  public static final int EXIT_USAGE = 64;

  /** A bug or an unexpected failure of the harness itself. */
  public static final int EXIT_INTERNAL = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } catch (Throwable t) {
      // An Error (out of memory, a missing class) escapes picocli's handler; the JVM's own exit
      // status would be 1, which CI reads as NO-GO.
      System.err.println("gonogo: internal error: " + t);
      t.printStackTrace();
      code = EXIT_INTERNAL;
    }
    System.exit(code);
  }

  /** Runs the command line in-process and answers the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The command line with its exit codes and streams set; add subcommands here. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          command.getErr().println("gonogo: internal error: " + e);
          e.printStackTrace(command.getErr());
          return EXIT_INTERNAL;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: gonogo verdict --help");
  }
}
