package dev.gonogo.load.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.load.bench.report.GatlingReport.RequestStats;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingReportTest {
  static Path golden() {
    try {
      return Path.of(GatlingReportTest.class.getResource("/bench/golden-report/index.html").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void read_listsEveryRequestInReportOrder_withoutTheAllRequestsRow() {
    assertThat(GatlingReport.read(golden()).keySet())
        .containsExactly(
            "warm-up noop",
            "warm-up event",
            "warm-up session",
            "noop (event body)",
            "event",
            "noop (session body)",
            "session",
            "event at 200/s",
            "event at 400/s");
  }

  @Test
  void read_takesCountsFromTheIndex_andResponseTimesOfSuccessfulRequestsFromTheRequestPage() {
    RequestStats noop = GatlingReport.read(golden()).get("noop (event body)");

    assertThat(noop.total()).isEqualTo(7695);
    assertThat(noop.ok()).isEqualTo(7695);
    assertThat(noop.ko()).isZero();
    assertThat(noop.koPercent()).isZero();
    assertThat(noop.okMeanMs()).hasValue(17);
    assertThat(noop.okP95Ms()).hasValue(39);
    assertThat(noop.okP99Ms()).hasValue(68);
    assertThat(noop.errors()).isEmpty();
  }

  @Test
  void koPercent_ofNoRequests_isNotMeasured() {
    RequestStats none =
        new RequestStats(
            "x",
            0,
            0,
            0,
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.empty(),
            Map.of());

    assertThat(none.koPercent()).isNaN();
  }

  @Test
  void errors_areReadFromTheRequestPagesErrorTable() {
    String html =
        "<tr>\n<td class=\"error-col-1 total ko\">status.find.is(200), found 503<span"
            + " class=\"value\" style=\"display:none\">0</span></td>\n"
            + "<td class=\"value error-col-2 total ko\">38242</td>\n"
            + "<td class=\"value error-col-3 total ko\">64.22%</td>\n</tr><tr>\n"
            + "<td class=\"error-col-1 total ko\">Request timeout to 127.0.0.1 after 15000 ms<span"
            + " class=\"value\" style=\"display:none\">1</span></td>\n"
            + "<td class=\"value error-col-2 total ko\">2466</td>\n</tr>";

    assertThat(GatlingReport.errors(html))
        .containsExactly(
            Map.entry("status.find.is(200), found 503", 38_242L),
            Map.entry("Request timeout to 127.0.0.1 after 15000 ms", 2_466L));
  }

  @Test
  void require_unknownName_listsTheNamesTheReportHas() {
    Map<String, RequestStats> requests = GatlingReport.read(golden());

    assertThatThrownBy(() -> GatlingReport.require(requests, "events", golden()))
        .hasMessageContaining("no request named 'events'")
        .hasMessageContaining("noop (event body)");
  }

  @Test
  void read_aPageWithoutStatistics_failsNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("index.html"), "<html><body>no table</body></html>");

    assertThatThrownBy(() -> GatlingReport.read(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("index.html").toString())
        .hasMessageContaining("no request rows");
  }
}
