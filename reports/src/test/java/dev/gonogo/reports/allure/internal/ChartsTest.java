package dev.gonogo.reports.allure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.reports.read.BetaHealth;
import dev.gonogo.reports.read.LoadSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {
  private static BufferedImage image(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a readable PNG").isNotNull();
    return image;
  }

  @Test
  void percentileCurve_ofTwoHistograms_isA900x500Png() throws IOException {
    LoadSummary.Distribution candidate =
        new LoadSummary.Distribution(
            3,
            40,
            900,
            80,
            Map.of("95", 300.0),
            new LoadSummary.Histogram(
                2, List.of(List.of(5.0, 50.0), List.of(40.0, 45.0), List.of(900.0, 5.0))));
    LoadSummary.Distribution baseline =
        new LoadSummary.Distribution(
            2,
            20,
            300,
            30,
            Map.of("95", 120.0),
            new LoadSummary.Histogram(
                2, List.of(List.of(4.0, 60.0), List.of(30.0, 39.0), List.of(300.0, 1.0))));

    BufferedImage image = image(Charts.percentileCurve("ingest", candidate, baseline));

    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
  }

  @Test
  void percentileCurve_withoutRequests_isStillDrawn() throws IOException {
    assertThat(image(Charts.percentileCurve("no requests", null, null)).getWidth())
        .isEqualTo(Charts.WIDTH);
  }

  @Test
  void crashFreeTrend_withoutSessions_isStillDrawn_noHourCountsAsHealthy() throws IOException {
    BetaHealth.Totals none =
        new BetaHealth.Totals("app@1.5.0", 0, 0, 0, 0, 0, null, null, null, null);
    BetaHealth health =
        new BetaHealth(
            "http://127.0.0.1:8080",
            "1",
            null,
            none,
            null,
            List.of(new BetaHealth.Point(1_796_169_600_000L, none)),
            List.of());

    assertThat(image(Charts.crashFreeTrend("empty", health, 99.0)).getHeight())
        .isEqualTo(Charts.HEIGHT);
    assertThat(BetaTests.candidateName(health)).isEqualTo("app@1.5.0");
  }
}
