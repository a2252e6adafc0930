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

  /** Starts a container and remembers it for log attachments and shutdown. */
  public static synchronized <T extends GenericContainer<?>> T started(T container) {
    container.start();
    STARTED.add(container);
    return container;
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
