package dev.gonogo.reports.allure;

import dev.gonogo.reports.verdict.Release;
import java.util.Map;
import java.util.Objects;

/**
 * What the Allure report says about where it was made: the release decided on and the CI job that
 * ran the harness (its {@code environment.properties} and {@code executor.json}).
 *
 * <p>The CI context is read from an environment map given in, so tests pass their own; {@link
 * #fromSystem(Release)} passes the process environment. Recognised, first match wins:
 *
 * <ul>
 *   <li>GitHub Actions: {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}, {@code GITHUB_RUN_ID}
 *       (build URL {@code <server>/<repository>/actions/runs/<id>}), {@code GITHUB_RUN_NUMBER},
 *       {@code GITHUB_WORKFLOW}, {@code GITHUB_SHA};
 *   <li>GitLab CI: {@code CI_JOB_URL}, {@code CI_PIPELINE_ID}, {@code CI_PROJECT_PATH}, {@code
 *       CI_COMMIT_SHA};
 *   <li>Jenkins: {@code BUILD_URL}, {@code BUILD_NUMBER}, {@code JOB_NAME}, {@code GIT_COMMIT};
 *   <li>otherwise a local executor without a URL.
 * </ul>
 *
 * {@code GONOGO_REPORT_URL}, when set, is where the published report will be (executor's report
 * link).
 *
 * @param candidate the candidate release; never blank
 * @param baseline the baseline release; null when none
 * @param commit the commit the candidate was built from; null when unknown
 * @param executorName e.g. {@code GitHub Actions}, {@code GitLab CI}, {@code Jenkins}, {@code
 *     local}
 * @param executorType Allure's executor type (its icon): {@code github}, {@code gitlab}, {@code
 *     jenkins}, {@code local}
 * @param buildName e.g. {@code org/repo #42}; null when unknown
 * @param buildOrder the run's number, for Allure's history; null when unknown
 * @param buildUrl the CI run's page; null for a local run
 * @param reportUrl where the report is published; null when unknown
 */
public record ReportEnvironment(
    String candidate,
    String baseline,
    String commit,
    String executorName,
    String executorType,
    String buildName,
    Long buildOrder,
    String buildUrl,
    String reportUrl) {
  public static final String REPORT_URL_VARIABLE = "GONOGO_REPORT_URL";

  public ReportEnvironment {
    if (candidate == null || candidate.isBlank()) {
      throw new IllegalArgumentException("the report needs the candidate release's name");
    }
    Objects.requireNonNull(executorName, "executorName");
    Objects.requireNonNull(executorType, "executorType");
  }

  /** The release from the verdict, the CI context from {@code env}. */
  public static ReportEnvironment of(Release release, Map<String, String> env) {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(env, "env");
    String reportUrl = value(env, REPORT_URL_VARIABLE);
    String server = value(env, "GITHUB_SERVER_URL");
    String repository = value(env, "GITHUB_REPOSITORY");
    String runId = value(env, "GITHUB_RUN_ID");
    if (server != null && repository != null && runId != null) {
      String number = firstOf(value(env, "GITHUB_RUN_NUMBER"), runId);
      String workflow = value(env, "GITHUB_WORKFLOW");
      return new ReportEnvironment(
          release.candidate(),
          release.baseline(),
          firstOf(release.commit(), value(env, "GITHUB_SHA")),
          "GitHub Actions",
          "github",
          (workflow == null ? repository : repository + " " + workflow) + " #" + number,
          number(number),
          trimSlash(server) + "/" + repository + "/actions/runs/" + runId,
          reportUrl);
    }
    String jobUrl = value(env, "CI_JOB_URL");
    String pipeline = value(env, "CI_PIPELINE_ID");
    if (jobUrl != null || pipeline != null) {
      String project = value(env, "CI_PROJECT_PATH");
      return new ReportEnvironment(
          release.candidate(),
          release.baseline(),
          firstOf(release.commit(), value(env, "CI_COMMIT_SHA")),
          "GitLab CI",
          "gitlab",
          pipeline == null
              ? null
              : (project == null ? "" : project + " ") + "pipeline #" + pipeline,
          number(pipeline),
          jobUrl,
          reportUrl);
    }
    String buildUrl = value(env, "BUILD_URL");
    String buildNumber = value(env, "BUILD_NUMBER");
    if (buildUrl != null || buildNumber != null) {
      String job = value(env, "JOB_NAME");
      return new ReportEnvironment(
          release.candidate(),
          release.baseline(),
          firstOf(release.commit(), value(env, "GIT_COMMIT")),
          "Jenkins",
          "jenkins",
          buildNumber == null ? job : (job == null ? "" : job + " ") + "#" + buildNumber,
          number(buildNumber),
          buildUrl,
          reportUrl);
    }
    return new ReportEnvironment(
        release.candidate(),
        release.baseline(),
        release.commit(),
        "local",
        "local",
        null,
        null,
        null,
        reportUrl);
  }

  /** The release from the verdict, the CI context from this process's environment. */
  public static ReportEnvironment fromSystem(Release release) {
    return of(release, System.getenv());
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Long number(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
