package dev.gonogo.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.reports.verdict.Release;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportEnvironmentTest {
  private static final Release RELEASE = new Release("app@1.5.0", "app@1.4.0", null);

  @Test
  void githubActions_buildUrlFromServerRepositoryAndRunId() {
    ReportEnvironment env =
        ReportEnvironment.of(
            RELEASE,
            Map.of(
                "GITHUB_SERVER_URL", "https://github.example.com/",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_RUN_ID", "777001",
                "GITHUB_RUN_NUMBER", "12",
                "GITHUB_SHA", "9e1f00c"));

    assertThat(env.executorName()).isEqualTo("GitHub Actions");
    assertThat(env.executorType()).isEqualTo("github");
    assertThat(env.buildUrl()).isEqualTo("https://github.example.com/acme/app/actions/runs/777001");
    assertThat(env.buildName()).isEqualTo("acme/app #12");
    assertThat(env.buildOrder()).isEqualTo(12L);
    assertThat(env.commit()).isEqualTo("9e1f00c");
    assertThat(env.candidate()).isEqualTo("app@1.5.0");
    assertThat(env.baseline()).isEqualTo("app@1.4.0");
  }

  @Test
  void githubActions_incomplete_isNotTakenForGithub() {
    ReportEnvironment env =
        ReportEnvironment.of(
            RELEASE, Map.of("GITHUB_REPOSITORY", "acme/app", "GITHUB_RUN_ID", "1"));

    assertThat(env.executorType()).isEqualTo("local");
    assertThat(env.buildUrl()).isNull();
  }

  @Test
  void gitlab_jobUrlAndPipeline() {
    ReportEnvironment env =
        ReportEnvironment.of(
            RELEASE,
            Map.of(
                "CI_JOB_URL", "https://gitlab.example.com/acme/app/-/jobs/4242",
                "CI_PIPELINE_ID", "981",
                "CI_PROJECT_PATH", "acme/app",
                "CI_COMMIT_SHA", "abc1234"));

    assertThat(env.executorName()).isEqualTo("GitLab CI");
    assertThat(env.executorType()).isEqualTo("gitlab");
    assertThat(env.buildUrl()).isEqualTo("https://gitlab.example.com/acme/app/-/jobs/4242");
    assertThat(env.buildName()).isEqualTo("acme/app pipeline #981");
    assertThat(env.buildOrder()).isEqualTo(981L);
    assertThat(env.commit()).isEqualTo("abc1234");
  }

  @Test
  void jenkins_buildUrlAndNumber() {
    ReportEnvironment env =
        ReportEnvironment.of(
            RELEASE,
            Map.of(
                "BUILD_URL", "https://ci.example.com/job/app/57/",
                "BUILD_NUMBER", "57",
                "JOB_NAME", "app"));

    assertThat(env.executorName()).isEqualTo("Jenkins");
    assertThat(env.executorType()).isEqualTo("jenkins");
    assertThat(env.buildUrl()).isEqualTo("https://ci.example.com/job/app/57/");
    assertThat(env.buildName()).isEqualTo("app #57");
    assertThat(env.buildOrder()).isEqualTo(57L);
  }

  @Test
  void noCi_isALocalExecutorWithoutUrl() {
    ReportEnvironment env = ReportEnvironment.of(RELEASE, Map.of("HOME", "/root"));

    assertThat(env.executorName()).isEqualTo("local");
    assertThat(env.executorType()).isEqualTo("local");
    assertThat(env.buildUrl()).isNull();
    assertThat(env.buildName()).isNull();
    assertThat(env.buildOrder()).isNull();
    assertThat(env.commit()).isNull();
  }

  @Test
  void releaseCommit_winsOverTheCiCommit() {
    ReportEnvironment env =
        ReportEnvironment.of(
            new Release("app@1.5.0", null, "feedbee"),
            Map.of("BUILD_NUMBER", "3", "GIT_COMMIT", "0ther"));

    assertThat(env.commit()).isEqualTo("feedbee");
    assertThat(env.baseline()).isNull();
  }

  @Test
  void reportUrl_fromGonogoReportUrl_andBlankValuesAreAbsent() {
    ReportEnvironment env =
        ReportEnvironment.of(
            RELEASE,
            Map.of(
                "GONOGO_REPORT_URL", "https://reports.example.com/app/1.5.0/",
                "BUILD_URL", " ",
                "BUILD_NUMBER", "x1"));

    assertThat(env.reportUrl()).isEqualTo("https://reports.example.com/app/1.5.0/");
    assertThat(env.executorType()).isEqualTo("jenkins");
    assertThat(env.buildUrl()).isNull();
    assertThat(env.buildOrder()).isNull();
  }

  @Test
  void blankCandidate_isRejected() {
    assertThatThrownBy(
            () -> new ReportEnvironment(" ", null, null, "local", "local", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidate");
  }
}
