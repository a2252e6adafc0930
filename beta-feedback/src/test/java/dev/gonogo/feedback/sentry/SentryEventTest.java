package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SentryEventTest {

  private static SentryEvent event(String json) {
    return SentryEvent.from(item(1, "event", json));
  }

  @Test
  void eventId_dashedUppercaseUuid_isNormalisedTo32LowercaseHex() {
    assertThat(event("{'event_id':'9EC79C33-EC99-42AB-8353-589FCB2E04DC'}").eventId())
        .contains("9ec79c33ec9942ab8353589fcb2e04dc");
  }

  @Test
  void eventId_missingOrNull_isEmpty_soTheCallerCanUseTheEnvelopesOrGenerateOne() {
    assertThat(event("{}").eventId()).isEmpty();
    assertThat(event("{'event_id':null}").eventId()).isEmpty();
  }

  @Test
  void eventId_notAUuid_isInvalidEventId_namingTheItem() {
    assertThatThrownBy(() -> event("{'event_id':'12345'}"))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_EVENT_ID);
              assertThat(e.detail())
                  .isEqualTo(
                      "item 1 (type event): field 'event_id' is \"12345\", expected 32 hex digits or a UUID");
            });
    assertThatThrownBy(() -> event("{'event_id':42}"))
        .hasMessageContaining("field 'event_id' is the number 42");
  }

  @Test
  void timestamp_rfc3339WithOffset_epochSeconds_andGarbage() {
    assertThat(event("{'timestamp':'2026-04-01T12:34:56.789+02:00'}").timestamp())
        .contains(Instant.parse("2026-04-01T10:34:56.789Z"));
    assertThat(event("{'timestamp':'2026-04-01 12:34:56'}").timestamp())
        .contains(Instant.parse("2026-04-01T12:34:56Z"));
    assertThat(event("{'timestamp':1772445600.25}").timestamp())
        .contains(Instant.parse("2026-03-02T10:00:00.250Z"));
    assertThat(event("{'timestamp':'1772445600'}").timestamp())
        .contains(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(event("{'timestamp':'last tuesday'}").timestamp()).isEmpty();
    assertThat(event("{'timestamp':true}").timestamp()).isEmpty();
  }

  @Test
  void tags_asObject_and_asArrayOfPairs_readTheSame() {
    SentryEvent object =
        event("{'tags':{'screen':'Checkout','retries':3,'beta':true,'gone':null}}");
    SentryEvent pairs =
        event(
            "{'tags':[['screen','Checkout'],['retries',3],['beta',true],['bad'],['gone',null],7]}");

    assertThat(object.tags())
        .containsExactly(
            java.util.Map.entry("screen", "Checkout"),
            java.util.Map.entry("retries", "3"),
            java.util.Map.entry("beta", "true"));
    assertThat(pairs.tags()).isEqualTo(object.tags());
    assertThat(event("{'tags':'screen=Checkout'}").tags()).isEmpty();
  }

  @Test
  void exceptions_keepTheProtocolOrder_innermostCauseFirst_outermostLast() {
    SentryEvent e =
        event(
            "{'exception':{'values':["
                + "{'type':'IOException','value':'socket closed','module':'java.io'},"
                + "{'type':'IllegalStateException','value':'checkout failed','module':'java.lang'}]}}");

    assertThat(e.exceptions())
        .extracting(SentryException::title)
        .containsExactly("IOException: socket closed", "IllegalStateException: checkout failed");
    assertThat(e.outermostException())
        .hasValueSatisfying(x -> assertThat(x.type()).contains("IllegalStateException"));
  }

  @Test
  void exceptions_asABareList_andUnderTheLegacyKey_areRead() {
    assertThat(event("{'exception':[{'type':'Error','value':'boom'}]}").exceptions()).hasSize(1);
    assertThat(event("{'sentry.interfaces.Exception':{'values':[{'type':'Error'}]}}").exceptions())
        .hasSize(1);
    assertThat(event("{'exception':'boom'}").exceptions()).isEmpty();
    assertThat(event("{}").outermostException()).isEmpty();
  }

  @Test
  void frames_readEveryField_oldestCallFirst() {
    SentryEvent e =
        event(
            "{'exception':{'values':[{'type':'E','stacktrace':{'frames':["
                + "{'function':'main','module':'app.Main','filename':'Main.java','abs_path':'/src/Main.java',"
                + "'lineno':10,'colno':3,'in_app':true,'package':'app.jar','instruction_addr':'0x1',"
                + "'platform':'java'},"
                + "{'function':'crash','lineno':'12','in_app':'yes'}]}}]}}");

    StackFrame first = e.exceptions().get(0).frames().get(0);
    assertThat(first)
        .isEqualTo(
            new StackFrame(
                java.util.Optional.of("main"),
                java.util.Optional.of("app.Main"),
                java.util.Optional.of("Main.java"),
                java.util.Optional.of("/src/Main.java"),
                java.util.Optional.of(10),
                java.util.Optional.of(3),
                java.util.Optional.of(true),
                java.util.Optional.of("app.jar"),
                java.util.Optional.of("0x1"),
                java.util.Optional.of("java")));
    StackFrame crashing = e.exceptions().get(0).frames().get(1);
    assertThat(crashing.lineno()).as("a line number sent as text is absent").isEmpty();
    assertThat(crashing.isInApp()).as("in_app sent as text is not in-app").isFalse();
  }

  @Test
  void isCrash_onlyWhenSomeMechanismSaysHandledFalse() {
    assertThat(
            event(
                    "{'exception':{'values':[{'type':'E','mechanism':{'type':'chained'}},"
                        + "{'type':'F','mechanism':{'type':'UncaughtExceptionHandler','handled':false}}]}}")
                .isCrash())
        .isTrue();
    assertThat(
            event(
                    "{'exception':{'values':[{'type':'E','mechanism':{'type':'generic','handled':true}}]}}")
                .isCrash())
        .isFalse();
    assertThat(
            event("{'exception':{'values':[{'type':'E','mechanism':{'type':'generic'}}]}}")
                .isCrash())
        .isFalse();
    assertThat(event("{'exception':{'values':[{'type':'E'}]}}").isCrash()).isFalse();
    assertThat(
            event("{'exception':{'values':[{'type':'E','mechanism':{'handled':'false'}}]}}")
                .isCrash())
        .isFalse();
    assertThat(event("{'message':'hello'}").isCrash()).isFalse();
  }

  @Test
  void message_prefersFormattedText() {
    assertThat(event("{'logentry':{'message':'a %s','formatted':'a b'},'message':'c'}").message())
        .contains("a b");
    assertThat(event("{'message':{'message':'x %s','formatted':'x y'}}").message()).contains("x y");
    assertThat(event("{'message':'plain'}").message()).contains("plain");
    assertThat(event("{'logentry':{'message':'raw %s'}}").message()).contains("raw %s");
    assertThat(event("{}").message()).isEmpty();
  }

  @Test
  void contexts_userAndSdk_areRead_andWrongShapesReadAsAbsent() {
    SentryEvent e =
        event(
            "{'user':{'id':42,'ip_address':'{{auto}}'},'contexts':{'os':{'name':'iOS','version':'17.4'},"
                + "'device':'iPhone','app':{'app_version':'2.3.0','app_build':230}},'sdk':{'name':'sentry.cocoa'}}");

    assertThat(e.user())
        .hasValueSatisfying(
            u -> {
              assertThat(u.id()).contains("42");
              assertThat(u.ipAddress()).contains("{{auto}}");
              assertThat(u.email()).isEmpty();
            });
    assertThat(e.os()).hasValueSatisfying(os -> assertThat(os.version()).contains("17.4"));
    assertThat(e.device()).isEmpty();
    assertThat(e.app()).hasValueSatisfying(a -> assertThat(a.appBuild()).contains("230"));
    assertThat(e.sdk()).hasValueSatisfying(s -> assertThat(s.version()).isEmpty());
    assertThat(e.context("trace")).isEmpty();
  }

  @Test
  void scalarFields_ofTheWrongType_readAsAbsent_notAsFailures() {
    SentryEvent e = event("{'release':['1.0'],'environment':{},'level':null,'platform':'java'}");

    assertThat(e.release()).isEmpty();
    assertThat(e.environment()).isEmpty();
    assertThat(e.level()).isEmpty();
    assertThat(e.platform()).contains("java");
  }

  @Test
  void json_keepsUnknownFields_forWritingBack() {
    SentryEvent e = event("{'x_custom':{'a':1},'breadcrumbs':{'values':[]}}");

    assertThat(e.json().path("x_custom").path("a").asInt()).isEqualTo(1);
    assertThat(e.json().has("breadcrumbs")).isTrue();
  }

  @Test
  void storeBody_isReadAsAnEvent_andRefusedWhenEmptyOrNotJson() {
    SentryEvent e =
        SentryEvent.fromStoreBody(
            "{\"message\":\"legacy store\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(e.message()).contains("legacy store");
    assertThatThrownBy(() -> SentryEvent.fromStoreBody(new byte[0]))
        .isInstanceOfSatisfying(
            RejectedException.class,
            x -> assertThat(x.reason()).isEqualTo(RejectReason.EMPTY_BODY));
    assertThatThrownBy(() -> SentryEvent.fromStoreBody("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            RejectedException.class,
            x ->
                assertThat(x.detail())
                    .isEqualTo("store body: expected a JSON object, found an array"));
  }
}
