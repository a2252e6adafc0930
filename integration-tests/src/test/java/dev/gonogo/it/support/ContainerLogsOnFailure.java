package dev.gonogo.it.support;

import dev.gonogo.it.containers.SharedContainers;
import io.qameta.allure.Allure;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.testcontainers.containers.GenericContainer;

/** When a test fails, attaches the log of every running container to its Allure result. */
public final class ContainerLogsOnFailure implements TestWatcher {
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    for (GenericContainer<?> container : SharedContainers.running()) {
      String name = Optional.ofNullable(container.getContainerName()).orElse("container");
      Allure.addAttachment(
          "log " + name + " (" + container.getDockerImageName() + ")",
          "text/plain",
          container.getLogs(),
          ".log");
    }
  }
}
