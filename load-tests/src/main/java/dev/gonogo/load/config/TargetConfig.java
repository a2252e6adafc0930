package dev.gonogo.load.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the load goes: an already running candidate at {@link #url()}, or, when that is empty, a
 * candidate the suite starts itself as described by {@link #candidate()}.
 *
 * @param url base URL of a running candidate, without a trailing slash
 * @param readyTimeout how long to wait for {@code GET /ready} to answer 200
 * @param candidate how to start the candidate when {@code url} is empty
 */
public record TargetConfig(Optional<URI> url, Duration readyTimeout, Candidate candidate) {

  public TargetConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
    Objects.requireNonNull(candidate, "candidate");
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
    }
  }

  /**
   * A beta-feedback process the suite starts with {@code java -jar}, on loopback and port 0.
   *
   * @param jar the runnable jar (classifier {@code all}); empty when none is configured
   * @param workDir folder of the candidate's log, ready file, pid file and database
   * @param jvmArgs extra JVM options of the candidate
   * @param environment extra environment variables of the candidate, applied after the suite's own
   *     ({@code GONOGO_SERVER_HOST}, {@code GONOGO_SERVER_PORT}, {@code GONOGO_STORE_URL}); {@code
   *     GONOGO_SERVER_READY_FILE} is the suite's and cannot be set here
   * @param stopTimeout how long to wait for an exit after SIGTERM before killing the process
   */
  public record Candidate(
      Optional<Path> jar,
      Path workDir,
      List<String> jvmArgs,
      Map<String, String> environment,
      Duration stopTimeout) {

    /** The one variable the suite must own: it is how the suite learns the candidate's URL. */
    public static final String READY_FILE_VARIABLE = "GONOGO_SERVER_READY_FILE";

    public Candidate {
      Objects.requireNonNull(jar, "jar");
      Objects.requireNonNull(workDir, "workDir");
      jvmArgs = List.copyOf(jvmArgs);
      environment = Map.copyOf(environment);
      Objects.requireNonNull(stopTimeout, "stopTimeout");
      if (environment.containsKey(READY_FILE_VARIABLE)) {
        throw new IllegalArgumentException(
            READY_FILE_VARIABLE + " is set by the suite to find the candidate's URL; remove it");
      }
      if (stopTimeout.isNegative() || stopTimeout.isZero()) {
        throw new IllegalArgumentException("stopTimeout must be positive, was " + stopTimeout);
      }
    }

    /** A copy with these extra environment variables (replacing any given before). */
    public Candidate withEnvironment(Map<String, String> extra) {
      return new Candidate(jar, workDir, jvmArgs, extra, stopTimeout);
    }

    /** A copy using another work folder. */
    public Candidate withWorkDir(Path folder) {
      return new Candidate(jar, folder, jvmArgs, environment, stopTimeout);
    }

    /** A copy starting another jar. */
    public Candidate withJar(Path file) {
      return new Candidate(Optional.of(file), workDir, jvmArgs, environment, stopTimeout);
    }
  }

  /**
   * Parses the target and candidate keys, reporting the first bad value with its key and source.
   */
  public static TargetConfig from(LoadSettings settings) {
    return new TargetConfig(
        settings.optional("gonogo.target").map(present -> baseUrl(settings.get("gonogo.target"))),
        settings.seconds("gonogo.target.ready-timeout-seconds", 1, 600),
        new Candidate(
            settings.optional("gonogo.candidate.jar").map(Path::of),
            Path.of(settings.string("gonogo.candidate.work-dir")),
            settings.words("gonogo.candidate.jvm-args"),
            Map.of(),
            settings.seconds("gonogo.candidate.stop-timeout-seconds", 1, 120)));
  }

  private static URI baseUrl(LoadSettings.Value value) {
    String expected = "an absolute http:// or https:// URL such as http://127.0.0.1:8080";
    URI uri;
    try {
      uri = new URI(value.value());
    } catch (URISyntaxException e) {
      throw value.invalid(expected);
    }
    boolean http =
        "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw value.invalid(expected);
    }
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }
}
