package dev.gonogo.it.containers;

import dev.gonogo.it.support.Awaits;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The candidate beta-feedback service in a container, ready when {@code /ready} answers 200. Its
 * log goes to the test log (logger {@code candidate}); {@link #baseUri()}, {@link #dsn()} and
 * {@link #adminToken()} are what a client needs, as reachable from the tests.
 */
public final class BetaFeedbackContainer extends GenericContainer<BetaFeedbackContainer> {
  public static final int PORT = 8080;

  private static final Pattern ADMIN_TOKEN =
      Pattern.compile("admin token \\(Authorization: Bearer \\.\\.\\. for /api/v1\\): (\\S+)");
  private static final Pattern DEFAULT_DSN =
      Pattern.compile("DSN of project '[^']*' \\(give it to your app's Sentry SDK\\): (\\S+)");

  public BetaFeedbackContainer() {
    super(CandidateImage.get());
    withExposedPorts(PORT);
    withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("candidate")));
    waitingFor(
        Wait.forHttp("/ready")
            .forPort(PORT)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(90)));
  }

  /**
   * Stores in the given PostgreSQL instead of the embedded SQLite file. Both containers must share
   * a network, on which the database is reachable as {@code databaseAlias}.
   */
  public BetaFeedbackContainer withPostgres(PostgreSQLContainer postgres, String databaseAlias) {
    return withDatabase(postgres, databaseAlias, postgres.getDatabaseName());
  }

  /** As {@link #withPostgres}, on the database {@code database} of that server. */
  public BetaFeedbackContainer withDatabase(
      PostgreSQLContainer postgres, String databaseAlias, String database) {
    dependsOn(postgres);
    withNetwork(postgres.getNetwork());
    withEnv("GONOGO_STORE_URL", "jdbc:postgresql://" + databaseAlias + ":5432/" + database);
    withEnv("GONOGO_STORE_USER", postgres.getUsername());
    withEnv("GONOGO_STORE_PASSWORD", postgres.getPassword());
    return this;
  }

  /**
   * One setting of {@code beta-feedback-defaults.properties}, passed as the environment variable
   * the service reads it from ({@code gonogo.ingest.ack-timeout-ms} as {@code
   * GONOGO_INGEST_ACK_TIMEOUT_MS}).
   */
  public BetaFeedbackContainer withSetting(String key, Object value) {
    return withEnv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), "" + value);
  }

  /**
   * A hard memory limit for the container (no swap). The candidate's JVM sizes its heap from it
   * (the image runs {@code -XX:MaxRAMPercentage=50}).
   */
  public BetaFeedbackContainer withMemoryLimit(long bytes) {
    return withCreateContainerCmdModifier(
        cmd -> cmd.getHostConfig().withMemory(bytes).withMemorySwap(bytes));
  }

  /** The candidate's base URI as reachable from the tests, e.g. http://localhost:32771. */
  public URI baseUri() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }

  /** The admin token the service printed at start (generated once and kept in its store). */
  public String adminToken() {
    return fromLog(ADMIN_TOKEN, "the admin token");
  }

  /**
   * The DSN of the default project as the service printed it, with the host and port the tests
   * reach it on: what a beta user's Sentry SDK is given.
   */
  public String dsn() {
    URI printed = URI.create(fromLog(DEFAULT_DSN, "the default project's DSN"));
    return dsn(printed.getUserInfo(), printed.getPath().substring(1));
  }

  /** The DSN of a project, reachable from the tests. */
  public String dsn(String publicKey, String projectId) {
    return "http://" + publicKey + "@" + getHost() + ":" + getMappedPort(PORT) + "/" + projectId;
  }

  /** The first match of a start-up line; the service prints them right after it accepts HTTP. */
  private String fromLog(Pattern line, String what) {
    return Awaits.LOGGED
        .alias(what + " in the log of " + getContainerName())
        .until(
            () -> {
              Matcher m = line.matcher(getLogs());
              return m.find() ? m.group(1) : null;
            },
            found -> found != null);
  }
}
