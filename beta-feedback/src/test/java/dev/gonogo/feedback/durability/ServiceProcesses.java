package dev.gonogo.feedback.durability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link ServiceProcess}es for one test and, after it, kills every one still running and,
 * when the test failed, prints what each printed.
 */
final class ServiceProcesses implements AfterEachCallback {
  private final List<ServiceProcess> started = new ArrayList<>();

  /** Starts a service JVM over the database and waits until it serves. */
  ServiceProcess start(String name, Path dir, Path database) throws IOException {
    ServiceProcess service = ServiceProcess.launch(name, dir, database);
    started.add(service); // before waiting: a JVM that never gets ready is still killed
    service.awaitReady();
    return service;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<ServiceProcess> services = List.copyOf(started);
    started.clear();
    RuntimeException failure = null;
    for (ServiceProcess service : services) {
      try {
        service.forceStop();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (context.getExecutionException().isPresent() || failure != null) {
      for (ServiceProcess service : services) {
        System.err.printf(
            "---- output of %s ----%n%s---- end of %s ----%n",
            service, service.output(), service.name());
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
