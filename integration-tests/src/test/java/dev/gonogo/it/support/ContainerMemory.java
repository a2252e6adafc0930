package dev.gonogo.it.support;

import java.io.IOException;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * The memory a container's processes use, from the kernel's own accounting (its memory cgroup), as
 * {@code docker stats} reports it: the JVM's heap, metaspace, threads and native buffers alike.
 */
public final class ContainerMemory {
  /** cgroup v2, then v1: the highest usage since the container started. */
  private static final String PEAK =
      "cat /sys/fs/cgroup/memory.peak 2>/dev/null"
          + " || cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes";

  private ContainerMemory() {}

  /** The highest memory use of the container since it started, in bytes. */
  public static long peakBytes(GenericContainer<?> container) {
    try {
      ExecResult result = container.execInContainer("sh", "-c", PEAK);
      String out = result.getStdout().trim();
      if (result.getExitCode() != 0 || out.isEmpty()) {
        throw new IllegalStateException(
            "cannot read the memory peak of "
                + container.getContainerName()
                + " from its cgroup (tried memory.peak and memory.max_usage_in_bytes under"
                + " /sys/fs/cgroup): exit "
                + result.getExitCode()
                + ", "
                + result.getStderr());
      }
      return Long.parseLong(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot exec in " + container.getContainerName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static String mib(long bytes) {
    return String.format("%.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
