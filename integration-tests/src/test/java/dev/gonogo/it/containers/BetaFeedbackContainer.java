package dev.gonogo.it.containers;

import java.net.URI;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The candidate beta-feedback service in a container, ready when {@code /ready} answers 200. */
public final class BetaFeedbackContainer extends GenericContainer<BetaFeedbackContainer> {
  public static final int PORT = 8080;

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
    dependsOn(postgres);
    withNetwork(postgres.getNetwork());
    withEnv(
        "GONOGO_STORE_URL",
        "jdbc:postgresql://" + databaseAlias + ":5432/" + postgres.getDatabaseName());
    withEnv("GONOGO_STORE_USER", postgres.getUsername());
    withEnv("GONOGO_STORE_PASSWORD", postgres.getPassword());
    return this;
  }

  /** The candidate's base URI as reachable from the tests, e.g. http://localhost:32771. */
  public URI baseUri() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
  }
}
