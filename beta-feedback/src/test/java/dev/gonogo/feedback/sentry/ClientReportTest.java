package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientReportTest {

  private static ClientReport report(String json) {
    return ClientReport.from(item(4, "client_report", json));
  }

  @Test
  void outcomes_areRead_andSummedPerCategory() {
    ClientReport r =
        report(
            "{'timestamp':'2026-11-22T07:43:26.852Z','discarded_events':["
                + "{'reason':'before_send','category':'error','quantity':1},"
                + "{'reason':'queue_overflow','category':'error','quantity':23},"
                + "{'reason':'ratelimit_backoff','category':'session','quantity':5}]}");

    assertThat(r.timestamp()).contains(Instant.parse("2026-11-22T07:43:26.852Z"));
    assertThat(r.discardedEvents())
        .first()
        .isEqualTo(new ClientReport.Discarded("before_send", "error", 1));
    assertThat(r.discarded("error")).isEqualTo(24);
    assertThat(r.discarded("session")).isEqualTo(5);
    assertThat(r.discarded("transaction")).isZero();
  }

  @Test
  void emptyReport_isValid_withNothingDiscarded() {
    ClientReport r = report("{}");

    assertThat(r.timestamp()).isEmpty();
    assertThat(r.discardedEvents()).isEmpty();
  }

  @Test
  void unknownReason_isKeptAsSent() {
    assertThat(
            report(
                    "{'discarded_events':[{'reason':'future_reason','category':'log_item','quantity':2}]}")
                .discardedEvents())
        .extracting(ClientReport.Discarded::reason)
        .containsExactly("future_reason");
  }

  @Test
  void badOutcome_isInvalidClientReport_namingTheField() {
    assertThatThrownBy(
            () -> report("{'discarded_events':[{'reason':'x','category':'error','quantity':-2}]}"))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_CLIENT_REPORT);
              assertThat(e.detail())
                  .isEqualTo(
                      "item 4 (type client_report): field 'discarded_events[0].quantity' is -2, expected 0 or more");
            });
    assertThatThrownBy(() -> report("{'discarded_events':[{'reason':'x','category':'error'}]}"))
        .hasMessage("item 4 (type client_report): field 'discarded_events[0].quantity' is missing");
    assertThatThrownBy(() -> report("{'timestamp':'noon'}"))
        .hasMessageStartingWith(
            "item 4 (type client_report): field 'timestamp' is a string \"noon\"");
  }
}
