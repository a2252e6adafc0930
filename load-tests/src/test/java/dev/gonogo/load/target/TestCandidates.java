package dev.gonogo.load.target;

import dev.gonogo.load.config.LoadSettings;
import dev.gonogo.load.config.TargetConfig;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Candidate specs for tests: the real jar the build copied (gonogo.candidate.jar), one work folder
 * per test under gonogo.candidate.work-dir (load-tests/target/candidate-tests), so each log stays.
 */
final class TestCandidates {
  private TestCandidates() {}

  /** The configured candidate, in its own folder; a missing jar fails the test when started. */
  static TargetConfig.Candidate named(String test) {
    TargetConfig.Candidate configured = TargetConfig.from(LoadSettings.fromProcess()).candidate();
    return configured.withWorkDir(configured.workDir().resolve(test));
  }

  /** Children of this JVM that still run: every test must leave none. */
  static List<ProcessHandle> liveChildren() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
  }

  /** Puts the candidate's log into the Allure result of the running test. */
  static void attachLog(TargetConfig.Candidate candidate) {
    Path log = candidate.workDir().resolve(CandidateProcess.LOG_FILE);
    if (Files.isRegularFile(log)) {
      try {
        Allure.addAttachment(
            "candidate.log", "text/plain", Files.readString(log, StandardCharsets.UTF_8), ".log");
      } catch (IOException e) {
        Allure.addAttachment("candidate.log", "cannot read " + log + ": " + e);
      }
    }
  }
}
