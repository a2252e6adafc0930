package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SessionUpdateTest {
  private static final String RELEASE = "'attrs':{'release':'shop@2.3.0'}";

  private static SessionUpdate session(String fields) {
    return SessionUpdate.from(item(2, "session", "{" + fields + "}"));
  }

  private static void assertInvalid(String fields, String detail) {
    assertThatThrownBy(() -> session(fields))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_SESSION);
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  @Test
  void javaSdkPayload_isReadWholly() {
    SessionUpdate s =
        session(
            "'sid':'21912b994b944e9c9ac57f66822591ac','started':'2026-11-22T07:42:49.844Z',"
                + "'status':'crashed','seq':1795333369964,'errors':2,'duration':0.12,"
                + "'timestamp':'2026-11-22T07:42:49.964Z',"
                + "'attrs':{'release':'beta-app@1.4.0-beta.2','environment':'beta'}");

    assertThat(s.sid()).isEqualTo(UUID.fromString("21912b99-4b94-4e9c-9ac5-7f66822591ac"));
    assertThat(s.init()).isFalse();
    assertThat(s.seq()).hasValue(1795333369964L);
    assertThat(s.started()).isEqualTo(Instant.parse("2026-11-22T07:42:49.844Z"));
    assertThat(s.timestamp()).contains(Instant.parse("2026-11-22T07:42:49.964Z"));
    assertThat(s.duration()).hasValue(0.12);
    assertThat(s.status()).isEqualTo(SessionStatus.CRASHED);
    assertThat(s.errors()).isEqualTo(2);
    assertThat(s.attrs().release()).isEqualTo("beta-app@1.4.0-beta.2");
    assertThat(s.attrs().environment()).contains("beta");
    assertThat(s.isTerminal()).isTrue();
    assertThat(s.isErrored()).isTrue();
  }

  @Test
  void minimalPayload_takesTheProtocolDefaults() {
    SessionUpdate s =
        session("'sid':'7c7b6585-f901-4351-bf8d-02711b721929','started':1772355600," + RELEASE);

    assertThat(s.status()).isEqualTo(SessionStatus.OK);
    assertThat(s.errors()).isZero();
    assertThat(s.init()).isFalse();
    assertThat(s.seq()).isEmpty();
    assertThat(s.timestamp()).isEmpty();
    assertThat(s.duration()).isEmpty();
    assertThat(s.did()).isEmpty();
    assertThat(s.attrs().environment()).isEmpty();
    assertThat(s.isTerminal()).isFalse();
    assertThat(s.isErrored()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SessionStatus.class)
  void everyStatus_isReadByItsWireName(SessionStatus status) {
    SessionUpdate s =
        session(
            "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'status':'"
                + status.wireName()
                + "',"
                + RELEASE);

    assertThat(s.status()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} errors={1} -> errored {2}")
  @CsvSource({
    "ok,0,false",
    "ok,1,true",
    "exited,0,false",
    "exited,4,true",
    "crashed,0,true",
    "abnormal,0,true",
    "errored,0,true"
  })
  void isErrored_followsReleaseHealth(String status, int errors, boolean errored) {
    SessionUpdate s =
        session(
            "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'status':'"
                + status
                + "','errors':"
                + errors
                + ","
                + RELEASE);

    assertThat(s.isErrored()).isEqualTo(errored);
  }

  @Test
  void sidOmitted_inAOneShotExitedSession_getsAStableNameBasedId() {
    String fields = "'init':true,'status':'exited','started':'2026-03-01T09:00:00Z'," + RELEASE;

    assertThat(session(fields).sid()).isEqualTo(session(fields).sid());
    assertThat(session(fields).sid().version()).isEqualTo(3);
  }

  @Test
  void sid_notAUuid_isInvalidSession_namingItemAndField() {
    assertInvalid(
        "'sid':'abc','started':1," + RELEASE,
        "item 2 (type session): field 'sid' is not a UUID: \"abc\"");
  }

  @Test
  void sid_missing_inAnOrdinaryUpdate_isInvalidSession() {
    assertInvalid(
        "'started':1,'status':'ok'," + RELEASE, "item 2 (type session): field 'sid' is missing");
  }

  @Test
  void release_missingOrBlank_isInvalidSession() {
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'attrs':{'environment':'beta'}",
        "item 2 (type session): field 'attrs.release' is missing");
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'attrs':{'release':' '}",
        "item 2 (type session): field 'attrs.release' is blank");
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'attrs':'shop@1'",
        "item 2 (type session): field 'attrs' is a string \"shop@1\", expected an object");
  }

  @Test
  void status_unknown_isInvalidSession() {
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'status':'Crashed'," + RELEASE,
        "item 2 (type session): field 'status' is \"Crashed\", expected ok, exited, crashed, abnormal or errored");
  }

  @Test
  void counts_negativeOrFractional_areInvalidSession() {
    String base = "'sid':'7c7b6585f9014351bf8d02711b721929','started':1," + RELEASE;
    assertInvalid(
        base + ",'errors':-1", "item 2 (type session): field 'errors' is -1, expected 0 or more");
    assertInvalid(
        base + ",'errors':1.5",
        "item 2 (type session): field 'errors' is the number 1.5, expected a whole number");
    assertInvalid(
        base + ",'duration':-0.5",
        "item 2 (type session): field 'duration' is -0.5, expected 0 or more");
    assertInvalid(
        base + ",'seq':'3'",
        "item 2 (type session): field 'seq' is a string \"3\", expected a whole number");
  }

  @Test
  void timestamps_missingOrUnreadable_areInvalidSession() {
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929'," + RELEASE,
        "item 2 (type session): field 'started' is missing");
    assertInvalid(
        "'sid':'7c7b6585f9014351bf8d02711b721929','started':'soon'," + RELEASE,
        "item 2 (type session): field 'started' is a string \"soon\", expected an RFC 3339 timestamp or epoch seconds");
  }

  @Test
  void json_keepsTheWholePayload() {
    SessionUpdate s =
        session("'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'x_future':[1]," + RELEASE);

    assertThat(s.json().has("x_future")).isTrue();
  }
}
