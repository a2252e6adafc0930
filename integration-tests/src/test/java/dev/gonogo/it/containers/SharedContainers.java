package dev.gonogo.it.containers;

import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Containers shared by every suite in a run (singleton pattern): started on first use, stopped when
 * the test JVM exits. Suites that must not disturb others start their own.
 */
public final class SharedContainers {
  public static final String POSTGRES_ALIAS = "postgres";

  private static final List<GenericContainer<?>> STARTED = new ArrayList<>();
  private static Network network;
  private static PostgreSQLContainer postgres;
  private static BetaFeedbackContainer candidate;

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(SharedContainers::stopAll, "shared-containers-stop"));
  }

  private SharedContainers() {}

  public static synchronized Network network() {
    if (network == null) {
      network = Network.newNetwork();
    }
    return network;
  }

  /** A real PostgreSQL from the pinned local image, on the shared network as "postgres". */
  public static synchronized PostgreSQLContainer postgres() {
    if (postgres == null) {
      PostgreSQLContainer container =
          new PostgreSQLContainer(Images.POSTGRES)
              .withDatabaseName("gonogo")
              .withUsername("gonogo")
              .withPassword("gonogo-it")
              .withNetwork(network())
              .withNetworkAliases(POSTGRES_ALIAS)
              .withImagePullPolicy(new OfflinePullPolicy());
      started(container);
      postgres = container;
    }
    return postgres;
  }

  /**
   * The candidate with its default settings on its own database of the shared PostgreSQL: for
   * suites that only send and read, each in projects of its own.
   */
  public static synchronized BetaFeedbackContainer candidate() {
    if (candidate == null) {
      PostgreSQLContainer database = postgres();
      candidate =
          started(
              new BetaFeedbackContainer()
                  .withDatabase(database, POSTGRES_ALIAS, Databases.create(database, "shared")));
    }
    return candidate;
  }

  /**
   * A PostgreSQL of its own on the shared network, reachable there as {@code alias}: for a suite
   * that breaks its database and must not break the others'.
   */
  public static PostgreSQLContainer ownPostgres(String alias) {
    return started(
        new PostgreSQLContainer(Images.POSTGRES)
            .withDatabaseName("gonogo")
            .withUsername("gonogo")
            .withPassword("gonogo-it")
            .withNetwork(network())
            .withNetworkAliases(alias)
            .withImagePullPolicy(new OfflinePullPolicy()));
  }

  /** Starts a container and remembers it for log attachments and shutdown. */
  public static synchronized <T extends GenericContainer<?>> T started(T container) {
    container.start();
    STARTED.add(container);
    return container;
  }

  /** Stops a container a suite started for itself (the shared ones stop with the JVM). */
  public static synchronized void stop(GenericContainer<?> container) {
    if (container != null) {
      STARTED.remove(container);
      container.stop();
    }
  }

  /** Every container started through this class and still running, for failure logs. */
  public static synchronized List<GenericContainer<?>> running() {
    return STARTED.stream().filter(GenericContainer::isRunning).toList();
  }

  private static synchronized void stopAll() {
    for (int i = STARTED.size() - 1; i >= 0; i--) {
      STARTED.get(i).stop();
    }
    if (network != null) {
      network.close();
    }
  }
}
