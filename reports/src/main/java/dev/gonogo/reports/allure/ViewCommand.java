package dev.gonogo.reports.allure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gonogo view [DIR]}: serves a generated report on loopback until Ctrl-C, printing its URL
 * (the report does not load from file://).
 */
@Command(
    name = "view",
    exitCodeOnInvalidInput = 64,
    mixinStandardHelpOptions = true,
    description = "Serves a generated Allure report on 127.0.0.1 until Ctrl-C.")
public final class ViewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "target/release-check/report",
      description = "The report folder (default: ${DEFAULT-VALUE}, the release check's).")
  Path report;

  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "Loopback port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(report.resolve("index.html"))) {
      spec.commandLine()
          .getErr()
          .println(
              "gonogo view: no report at "
                  + report.toAbsolutePath()
                  + " (no index.html): run ./gonogo (the release check) or gonogo report first");
      return 64;
    }
    try (ReportServer server = new ReportServer(report, port)) {
      spec.commandLine()
          .getOut()
          .println(
              "gonogo view: "
                  + report.toAbsolutePath()
                  + " at "
                  + server.url()
                  + " (Ctrl-C stops)");
      spec.commandLine().getOut().flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
