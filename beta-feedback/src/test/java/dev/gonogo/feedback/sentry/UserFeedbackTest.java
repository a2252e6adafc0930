package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserFeedbackTest {

  @Test
  void userReport_itsEventIdIsTheAssociatedEvent() {
    UserFeedback f =
        UserFeedback.from(
            item(
                "user_report",
                "{'event_id':'db606a59-557e-4b70-9b0d-103161b136a5','name':'Tess Tester',"
                    + "'email':'tess@example.com','comments':'It crashed when I paid'}"));

    assertThat(f.kind()).isEqualTo(UserFeedback.Kind.USER_REPORT);
    assertThat(f.eventId()).isEmpty();
    assertThat(f.associatedEventId()).contains("db606a59557e4b709b0d103161b136a5");
    assertThat(f.name()).contains("Tess Tester");
    assertThat(f.email()).contains("tess@example.com");
    assertThat(f.message()).contains("It crashed when I paid");
    assertThat(f.url()).isEmpty();
  }

  @Test
  void userReport_withoutEventId_isMissingEventId() {
    assertThatThrownBy(() -> UserFeedback.from(item("user_report", "{'comments':'x'}")))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.MISSING_EVENT_ID);
              assertThat(e.detail())
                  .startsWith("item 0 (type user_report): field 'event_id' is missing");
            });
  }

  @Test
  void userReport_withoutComments_hasNoMessage() {
    UserFeedback f =
        UserFeedback.from(item("user_report", "{'event_id':'9ec79c33ec9942ab8353589fcb2e04dc'}"));

    assertThat(f.message()).isEmpty();
  }

  @Test
  void feedback_readsTheFeedbackContext() {
    UserFeedback f =
        UserFeedback.from(
            item(
                "feedback",
                "{'event_id':'98ad6f6f1eaf41d7b63d8d7861f7f284','contexts':{'feedback':{"
                    + "'message':'The checkout button does nothing','contact_email':'tess@example.com',"
                    + "'name':'Tess Tester','url':'https://shop.example/cart',"
                    + "'associated_event_id':'db606a59557e4b709b0d103161b136a5'}},"
                    + "'user':{'email':'other@example.com','username':'other'}}"));

    assertThat(f.kind()).isEqualTo(UserFeedback.Kind.FEEDBACK);
    assertThat(f.eventId()).contains("98ad6f6f1eaf41d7b63d8d7861f7f284");
    assertThat(f.associatedEventId()).contains("db606a59557e4b709b0d103161b136a5");
    assertThat(f.name()).contains("Tess Tester");
    assertThat(f.email()).contains("tess@example.com");
    assertThat(f.message()).contains("The checkout button does nothing");
    assertThat(f.url()).contains("https://shop.example/cart");
  }

  @Test
  void feedback_anonymous_hasNoNameOrEmail() {
    UserFeedback f =
        UserFeedback.from(item("feedback", "{'contexts':{'feedback':{'message':'meh'}}}"));

    assertThat(f.name()).isEmpty();
    assertThat(f.email()).isEmpty();
    assertThat(f.eventId()).isEmpty();
    assertThat(f.associatedEventId()).isEmpty();
  }

  @Test
  void feedback_withoutMessage_isInvalidFeedback() {
    assertThatThrownBy(
            () -> UserFeedback.from(item("feedback", "{'contexts':{'feedback':{'message':''}}}")))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_FEEDBACK);
              assertThat(e.detail())
                  .isEqualTo(
                      "item 0 (type feedback): field 'message' is missing or blank (in contexts.feedback)");
            });
  }

  @Test
  void feedback_badAssociatedId_isInvalidEventId() {
    assertThatThrownBy(
            () ->
                UserFeedback.from(
                    item(
                        "feedback",
                        "{'contexts':{'feedback':{'message':'m','associated_event_id':'x'}}}")))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_EVENT_ID));
  }

  @Test
  void otherItemTypes_areNotFeedback() {
    assertThatIllegalArgumentException().isThrownBy(() -> UserFeedback.from(item("event", "{}")));
  }
}
