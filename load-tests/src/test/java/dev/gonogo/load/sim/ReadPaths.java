package dev.gonogo.load.sim;

import dev.gonogo.load.target.Project;
import java.util.List;

/**
 * What a release manager's dashboard reads, relative to the project's read root ({@code
 * /api/v1/projects/<id>}): the release list with every release's health, and the raw reads.
 */
public final class ReadPaths {
  /** Request name and path under the project's read root. */
  public record ReadPath(String name, String path) {}

  public static final List<ReadPath> DASHBOARD =
      List.of(
          new ReadPath("releases", "/releases"),
          new ReadPath("signatures", "/signatures?limit=50"),
          new ReadPath("sessions", "/sessions"),
          new ReadPath("events", "/events?limit=20"),
          new ReadPath("stats", "/stats"));

  private ReadPaths() {}

  public static String url(Project project, ReadPath read) {
    return project.readRoot() + read.path();
  }
}
