package dev.gonogo.reports.allure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}) as the tests drive it: one process per page, with
 * its own profile and HOME, bounded in time (docs/report.md, MACHINE-FACTS).
 */
public final class Chromium {
  private static final long TIMEOUT_SECONDS = 90;
  private final Path executable;
  private final Path home;

  private Chromium(Path executable, Path home) {
    this.executable = executable;
    this.home = home;
  }

  /**
   * The {@code chromium} on PATH (or {@code -Dgonogo.chromium=...}); fails — never skips — when
   * there is none.
   */
  public static Chromium find(Path home) {
    return find(
        home, System.getProperty("gonogo.chromium"), System.getenv().getOrDefault("PATH", ""));
  }

  /** As {@link #find(Path)}, with the configured path and PATH given. */
  static Chromium find(Path home, String configured, String path) {
    List<Path> candidates = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
        candidates.add(Path.of(dir, "chromium-browser"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return new Chromium(candidate, home);
      }
    }
    throw new AssertionError(
        "the browser test needs headless Chromium, and no chromium (or chromium-browser) is on"
            + " PATH ("
            + path
            + "); install it: apt-get install chromium (scripts/test-all does it when run as"
            + " root), or point -Dgonogo.chromium=/path/to/chromium at one");
  }

  /** The page's DOM after its scripts ran. */
  public String dumpDom(String url) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url), "dump-dom");
  }

  /** A screenshot of the page at 1400×1000. */
  public Path screenshot(String url, Path png) throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run(
        List.of("--window-size=1400,1000", "--screenshot=" + png.toAbsolutePath(), url),
        "screenshot");
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("chromium wrote no screenshot at " + png + " for " + url);
    }
    return png;
  }

  private String run(List<String> args, String what) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(home, "profile");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile,
            "--virtual-time-budget=15000"));
    command.addAll(args);
    Path stdout = Files.createTempFile(home, what, ".out");
    Path stderr = Files.createTempFile(home, what, ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().put("HOME", home.toString());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          "chromium " + what + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "chromium "
              + what
              + " exited with "
              + process.exitValue()
              + ": "
              + command
              + "\n"
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
