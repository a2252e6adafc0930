package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionAggregatesTest {

  private static SessionAggregates aggregates(String json) {
    return SessionAggregates.from(item(3, "sessions", json));
  }

  @Test
  void buckets_areReadInOrder_withMissingCountsAsZero() {
    SessionAggregates a =
        aggregates(
            "{'attrs':{'release':'api@5.0.1','environment':'staging'},'aggregates':["
                + "{'started':'2026-03-02T10:15:00Z','exited':120,'errored':3},"
                + "{'started':'2026-03-02T10:16:00Z','did':'u-42','abnormal':2,'crashed':4}]}");

    assertThat(a.attrs().release()).isEqualTo("api@5.0.1");
    assertThat(a.aggregates())
        .containsExactly(
            new SessionAggregates.Bucket(
                Instant.parse("2026-03-02T10:15:00Z"), java.util.Optional.empty(), 120, 3, 0, 0),
            new SessionAggregates.Bucket(
                Instant.parse("2026-03-02T10:16:00Z"), java.util.Optional.of("u-42"), 0, 0, 2, 4));
    assertThat(a.totalSessions()).isEqualTo(129);
  }

  @Test
  void noBuckets_isValid_andCountsNoSessions() {
    assertThat(aggregates("{'attrs':{'release':'api@5'},'aggregates':[]}").totalSessions())
        .isZero();
  }

  @Test
  void invalidBucket_isInvalidSession_namingTheIndex() {
    assertThatThrownBy(
            () ->
                aggregates(
                    "{'attrs':{'release':'api@5'},'aggregates':[{'started':'2026-03-02T10:15:00Z'},{'exited':1}]}"))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_SESSION);
              assertThat(e.detail())
                  .isEqualTo("item 3 (type sessions): field 'aggregates[1].started' is missing");
            });
  }

  @Test
  void aggregatesNotAList_isInvalidSession() {
    assertThatThrownBy(() -> aggregates("{'attrs':{'release':'api@5'},'aggregates':{}}"))
        .hasMessage("item 3 (type sessions): field 'aggregates' is an object, expected an array");
    assertThatThrownBy(() -> aggregates("{'attrs':{'release':'api@5'},'aggregates':[7]}"))
        .hasMessage(
            "item 3 (type sessions): field 'aggregates[0]' is the number 7, expected an object");
  }

  @Test
  void bucket_withNegativeCount_cannotBeBuilt() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SessionAggregates.Bucket(
                    Instant.EPOCH, java.util.Optional.empty(), -1, 0, 0, 0));
  }
}
