package dev.gonogo.reports.allure;

import java.nio.file.Path;

/** The allure-commandline the build unpacked (reports/pom.xml, generate-test-resources). */
final class AllureHome {
  private AllureHome() {}

  static Path unpacked() {
    String dir = System.getProperty("gonogo.allure-commandline.dir", "target/allure-commandline");
    return AllureReport.locateAllureHome(Path.of(dir));
  }
}
