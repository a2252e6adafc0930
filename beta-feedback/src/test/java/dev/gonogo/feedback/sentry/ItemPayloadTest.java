package dev.gonogo.feedback.sentry;

import static dev.gonogo.feedback.sentry.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemPayloadTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "event         | SentryEvent       | {}",
        "session       | SessionUpdate     | {'sid':'7c7b6585f9014351bf8d02711b721929','started':1,'attrs':{'release':'a@1'}}",
        "sessions      | SessionAggregates | {'attrs':{'release':'a@1'},'aggregates':[]}",
        "client_report | ClientReport      | {}",
        "user_report   | UserFeedback      | {'event_id':'9ec79c33ec9942ab8353589fcb2e04dc'}",
        "feedback      | UserFeedback      | {'contexts':{'feedback':{'message':'m'}}}",
        "attachment    | Attachment        | not json at all",
        "transaction   | OtherItem         | {}",
        "Event         | OtherItem         | {}",
        "x_future      | OtherItem         | not json"
      })
  void parse_dispatchesOnTheItemType(String type, String view, String payload) {
    assertThat(ItemPayload.parse(item(type, payload)).getClass().getSimpleName()).isEqualTo(view);
  }

  @Test
  void attachment_withoutHeaders_takesTheProtocolDefaults() {
    Attachment a = Attachment.from(item("attachment", ""));

    assertThat(a.filename()).isEmpty();
    assertThat(a.contentType()).isEqualTo("application/octet-stream");
    assertThat(a.attachmentType()).isEqualTo("event.attachment");
    assertThat(a.length()).isZero();
  }

  @Test
  void attachment_readsItsHeaders_andKeepsTheBytes() {
    ObjectNode header =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", "attachment")
            .put("filename", "view-hierarchy.json")
            .put("content_type", "application/json")
            .put("attachment_type", "event.view_hierarchy");
    byte[] bytes = "{\"windows\":[]}\n".getBytes(StandardCharsets.UTF_8);

    Attachment a = Attachment.from(new EnvelopeItem(5, header, bytes));

    assertThat(a.filename()).contains("view-hierarchy.json");
    assertThat(a.contentType()).isEqualTo("application/json");
    assertThat(a.attachmentType()).isEqualTo("event.view_hierarchy");
    assertThat(a.bytes()).isEqualTo(bytes);
    assertThat(a.length()).isEqualTo(15);
  }

  @Test
  void attachment_fromAnotherItemType_isAProgrammingError() {
    assertThatIllegalArgumentException().isThrownBy(() -> Attachment.from(item("event", "{}")));
  }

  @Test
  void itemType_matchesWireNamesExactly() {
    assertThat(ItemType.of("client_report")).isEqualTo(ItemType.CLIENT_REPORT);
    assertThat(ItemType.of("CLIENT_REPORT")).isEqualTo(ItemType.OTHER);
    assertThat(ItemType.of("")).isEqualTo(ItemType.OTHER);
  }
}
