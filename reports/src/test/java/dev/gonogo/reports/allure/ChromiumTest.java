package dev.gonogo.reports.allure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {
  @TempDir Path dir;

  @Test
  void find_withoutChromium_failsTheTest_sayingHowToInstallIt() {
    assertThatThrownBy(() -> Chromium.find(dir, null, dir.toString()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apt-get install chromium")
        .hasMessageContaining(dir.toString());
  }

  @Test
  void find_configuredPathMissing_fallsBackToPath_andFailsWhenNoneThere() {
    assertThatThrownBy(() -> Chromium.find(dir, dir.resolve("no-chromium").toString(), ""))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apt-get install chromium");
  }
}
