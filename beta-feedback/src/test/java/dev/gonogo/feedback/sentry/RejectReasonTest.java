package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RejectReasonTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "missing_auth, 401",
    "invalid_auth, 401",
    "conflicting_auth, 401",
    "unknown_key, 403",
    "project_mismatch, 403",
    "body_too_large, 413",
    "decompression_bomb, 413",
    "unsupported_encoding, 415",
    "malformed_compression, 400",
    "incomplete_body, 400",
    "empty_body, 400",
    "malformed_envelope_header, 400",
    "malformed_item_header, 400",
    "item_length_exceeds_body, 400",
    "item_length_mismatch, 400",
    "invalid_json, 400",
    "invalid_utf8, 400",
    "missing_event_id, 400",
    "invalid_event_id, 400",
    "invalid_session, 400",
    "invalid_client_report, 400",
    "invalid_feedback, 400",
    "too_many_items, 400",
    "rate_limited, 429"
  })
  void code_hasItsStatus(String code, int status) {
    assertThat(RejectReason.fromCode(code))
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(status));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RejectReason.class)
  void everyReason_hasASnakeCaseCode_aClientErrorStatus_andAMessage(RejectReason reason) {
    assertThat(reason.code()).matches("[a-z][a-z0-9_]*");
    assertThat(reason.status()).isBetween(400, 499);
    assertThat(reason.defaultMessage()).isNotBlank();
    assertThat(RejectReason.fromCode(reason.code())).contains(reason);
  }

  @Test
  void codes_areUnique_andUnknownCodesAreAbsent() {
    assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code))
        .doesNotHaveDuplicates();
    assertThat(RejectReason.fromCode("INVALID_SESSION")).isEmpty();
  }

  @Test
  void rejectedException_messageIsTheDetail() {
    RejectedException e =
        new RejectedException(
            RejectReason.INVALID_SESSION, "item 2 (type session): field 'sid' is missing");

    assertThat(e).hasMessage("item 2 (type session): field 'sid' is missing");
    assertThat(e.reason().code()).isEqualTo("invalid_session");
  }
}
