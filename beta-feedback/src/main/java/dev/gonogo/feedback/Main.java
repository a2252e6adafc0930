package dev.gonogo.feedback;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.config.ConfigException;
import dev.gonogo.feedback.config.Settings;
import dev.gonogo.feedback.server.BetaFeedbackServer;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.feedback.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads the configuration, opens the store and starts the server. Nothing else. */
@Command(
    name = "beta-feedback",
    mixinStandardHelpOptions = true,
    description = "Receives crash reports and sessions from beta users' apps (Sentry protocol).",
    footer = {
      "",
      "Every setting has a default in beta-feedback-defaults.properties and can be set in",
      "the --config file, as an environment variable (GONOGO_SERVER_PORT) or as -Dgonogo.server.port."
    })
public final class Main implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file of settings.")
  private Path configFile;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Main());
    int exit = commandLine.execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public Integer call() {
    Config config;
    try {
      config = Config.from(Settings.fromProcess(Optional.ofNullable(configFile)));
    } catch (ConfigException e) {
      System.err.println("beta-feedback: configuration error: " + e.getMessage());
      return 2;
    }
    Store store;
    try {
      store = Store.open(config.store());
    } catch (StoreException e) {
      System.err.println("beta-feedback: " + e.getMessage());
      return 3;
    }
    BetaFeedbackServer server = BetaFeedbackServer.create(config, Clock.systemUTC(), store);
    URI uri = server.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  store.close();
                },
                "beta-feedback-shutdown"));
    System.out.println("beta-feedback listening on " + uri + " (store: " + store.describe() + ")");
    System.out.println(
        "  health: " + uri.resolve("/health") + "   ready: " + uri.resolve("/ready"));
    System.out.println(
        "  DSN of project '"
            + server.defaultProject().name()
            + "' (give it to your app's Sentry SDK): "
            + server.defaultProject().dsn(uri));
    System.out.println(
        "  admin token (Authorization: Bearer ... for /api/v1): " + server.adminToken());
    config.server().readyFile().ifPresent(file -> writeReadyFile(file, uri));
    return 0;
  }

  /** Writes the URL atomically so a reader never sees a half-written file. */
  private static void writeReadyFile(Path file, URI uri) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temp = Files.createTempFile(absolute.getParent(), ".ready", ".tmp");
      Files.writeString(temp, uri.toString(), StandardCharsets.UTF_8);
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the ready file " + file + ": " + e.getMessage(), e);
    }
  }
}
