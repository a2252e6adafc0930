package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeParserTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(EnvelopeItem item) {
    return new String(item.payload(), StandardCharsets.UTF_8);
  }

  private static RejectedException rejection(String body) {
    return rejection(bytes(body));
  }

  private static RejectedException rejection(byte[] body) {
    try {
      EnvelopeParser.parse(body);
    } catch (RejectedException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  // --- envelope header

  @Test
  void headerOnly_withNewline_isAnEmptyEnvelope() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n"));

    assertThat(envelope.isEmpty()).isTrue();
    assertThat(envelope.eventId()).contains("9ec79c33ec9942ab8353589fcb2e04dc");
  }

  @Test
  void headerOnly_emptyObjectWithoutNewline_isAnEmptyEnvelope() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}"));

    assertThat(envelope.items()).isEmpty();
    assertThat(envelope.header().isEmpty()).isTrue();
  }

  @Test
  void headerEventId_dashedUuid_isNormalisedTo32LowercaseHex() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\"}\n"));

    assertThat(envelope.eventId()).contains("9ec79c33ec9942ab8353589fcb2e04dc");
  }

  @Test
  void headerEventId_notAUuid_isInvalidEventId() {
    RejectedException e = rejection("{\"event_id\":\"abc\"}\n");

    assertThat(e.reason()).isEqualTo(RejectReason.INVALID_EVENT_ID);
    assertThat(e.detail()).startsWith("envelope header: 'event_id' is a string \"abc\"");
  }

  @Test
  void header_unknownFields_areKeptAndWrittenBack() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes(
                "{\"x_relay\":{\"hops\":2},\"sent_at\":\"2026-01-02T03:04:05Z\"}\n"
                    + "{\"type\":\"x_new\",\"x_item\":true}\nabc\n"));

    Envelope again = EnvelopeParser.parse(envelope.toBytes());

    assertThat(again.header().path("x_relay").path("hops").asInt()).isEqualTo(2);
    assertThat(again.items().get(0).header().path("x_item").asBoolean()).isTrue();
    assertThat(again.items().get(0).declaredLength()).hasValue(3);
    assertThat(envelope.sentAt())
        .hasValueSatisfying(t -> assertThat(t).hasToString("2026-01-02T03:04:05Z"));
  }

  @Test
  void header_notJson_isMalformedEnvelopeHeader() {
    RejectedException e = rejection("Sentry envelope\n");

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_ENVELOPE_HEADER);
    assertThat(e.detail()).startsWith("envelope header: not valid JSON at line 1");
  }

  @Test
  void header_jsonArray_isMalformedEnvelopeHeader() {
    assertThat(rejection("[]\n").detail())
        .isEqualTo("envelope header: expected a JSON object, found an array");
  }

  @Test
  void header_duplicateKey_isMalformedEnvelopeHeader() {
    assertThat(rejection("{\"sent_at\":\"a\",\"sent_at\":\"b\"}\n").reason())
        .isEqualTo(RejectReason.MALFORMED_ENVELOPE_HEADER);
  }

  @Test
  void header_withCarriageReturnBeforeNewline_isAccepted() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\r\n{\"type\":\"session\"}\r\n{}\n"));

    assertThat(envelope.items()).hasSize(1);
    assertThat(text(envelope.items().get(0))).isEqualTo("{}");
  }

  @Test
  void emptyBody_isEmptyBody() {
    assertThat(rejection(new byte[0]).reason()).isEqualTo(RejectReason.EMPTY_BODY);
  }

  @Test
  void whitespaceOnlyBody_isEmptyBody() {
    assertThat(rejection(" \n\r\n\t").detail()).isEqualTo("the body has only whitespace");
  }

  // --- explicit length

  @Test
  void explicitLength_payloadWithNewlines_isKeptWhole() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{}\n{\"type\":\"attachment\",\"length\":11}\nline1\nline2\n"));

    assertThat(text(envelope.items().get(0))).isEqualTo("line1\nline2");
  }

  @Test
  void explicitLength_crlfInsidePayload_isPreserved() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n{\"type\":\"attachment\",\"length\":6}\na\r\nb\r\n\n{\"type\":\"x\"}\n"));

    assertThat(envelope.items().get(0).payload()).containsExactly(bytes("a\r\nb\r\n"));
    assertThat(envelope.items()).hasSize(2);
  }

  @Test
  void explicitLength_lastItemWithoutNewline_isParsed() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{}\n{\"type\":\"attachment\",\"length\":5}\nhello"));

    assertThat(text(envelope.items().get(0))).isEqualTo("hello");
  }

  @Test
  void explicitLength_followedByCrlf_isAcceptedAsTheTerminator() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n{\"type\":\"attachment\",\"length\":5}\nhello\r\n{\"type\":\"x\"}\nz"));

    assertThat(envelope.items()).extracting(EnvelopeParserTest::text).containsExactly("hello", "z");
  }

  @Test
  void explicitLength_zero_isAnEmptyPayload() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes(
                "{}\n{\"type\":\"attachment\",\"length\":0}\n\n{\"type\":\"attachment\",\"length\":0}\n"));

    assertThat(envelope.items()).hasSize(2);
    assertThat(envelope.items()).allSatisfy(i -> assertThat(i.length()).isZero());
  }

  @Test
  void explicitLength_zeroOnTheLastLineWithoutNewline_isAnEmptyPayload() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"attachment\",\"length\":0}"));

    assertThat(envelope.items()).singleElement().satisfies(i -> assertThat(i.length()).isZero());
  }

  @Test
  void explicitLength_beyondTheBody_isItemLengthExceedsBody() {
    RejectedException e =
        rejection(
            "{}\n{\"type\":\"session\"}\n{}\n{\"type\":\"attachment\",\"length\":50}\nshort\n");

    assertThat(e.reason()).isEqualTo(RejectReason.ITEM_LENGTH_EXCEEDS_BODY);
    assertThat(e.detail())
        .isEqualTo("item 1 (type attachment): declares length 50 but only 6 bytes remain");
  }

  @Test
  void explicitLength_shorterThanThePayload_isItemLengthMismatch() {
    RejectedException e = rejection("{}\n{\"type\":\"event\",\"length\":3}\n{\"message\":\"x\"}\n");

    assertThat(e.reason()).isEqualTo(RejectReason.ITEM_LENGTH_MISMATCH);
    assertThat(e.detail())
        .startsWith(
            "item 0 (type event): after its 3-byte payload comes \"essage\\\":\\\"x\\\"}\\u000a\"");
  }

  @Test
  void explicitLength_negativeOrFractionalOrText_isMalformedItemHeader() {
    for (String length : new String[] {"-1", "2.5", "\"2\"", "true"}) {
      RejectedException e = rejection("{}\n{\"type\":\"event\",\"length\":" + length + "}\n{}\n");

      assertThat(e.reason()).as(length).isEqualTo(RejectReason.MALFORMED_ITEM_HEADER);
      assertThat(e.detail()).as(length).startsWith("item 0 (type event): 'length' is ");
    }
  }

  @Test
  void explicitLength_nullLength_isTreatedAsImplicit() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{}\n{\"type\":\"session\",\"length\":null}\n{}\n"));

    assertThat(envelope.items().get(0).declaredLength()).isEmpty();
    assertThat(text(envelope.items().get(0))).isEqualTo("{}");
  }

  // --- implicit length

  @Test
  void implicitLength_payloadRunsToTheNextNewline() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n{\"type\":\"session\"}\n{\"a\":1}\n{\"type\":\"session\"}\n{\"b\":2}\n"));

    assertThat(envelope.items())
        .extracting(EnvelopeParserTest::text)
        .containsExactly("{\"a\":1}", "{\"b\":2}");
    assertThat(envelope.items().get(0).declaredLength()).isEmpty();
  }

  @Test
  void implicitLength_lastItemWithoutNewline_isParsed() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"session\"}\n{\"started\":1}"));

    assertThat(text(envelope.items().get(0))).isEqualTo("{\"started\":1}");
  }

  @Test
  void implicitLength_emptyLine_isAnEmptyPayload() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{}\n{\"type\":\"x\"}\n\n{\"type\":\"y\"}\nz\n"));

    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("x", "y");
    assertThat(envelope.items().get(0).length()).isZero();
  }

  @Test
  void implicitLength_carriageReturnBeforeTheNewline_belongsToThePayload() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"statsd\"}\nm:1|c\r\n"));

    assertThat(envelope.items().get(0).payload()).containsExactly(bytes("m:1|c\r"));
  }

  @Test
  void implicitLength_headerAsTheLastLine_hasAnEmptyPayload() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"x\"}"));

    assertThat(envelope.items()).singleElement().satisfies(i -> assertThat(i.length()).isZero());
  }

  // --- between and after items

  @Test
  void trailingWhitespaceAndBlankLines_afterTheLastItem_areTolerated() {
    Envelope envelope =
        EnvelopeParser.parse(bytes("{}\n{\"type\":\"attachment\",\"length\":2}\nab \n\n \r\n"));

    assertThat(envelope.items()).extracting(EnvelopeParserTest::text).containsExactly("ab");
  }

  @Test
  void blankLinesWhereAnItemHeaderWouldStart_areSkipped() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n\n{\"type\":\"attachment\",\"length\":1}\na\n\n\n{\"type\":\"x\"}\nb"));

    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("attachment", "x");
  }

  @Test
  void unknownItemType_isKeptAsAnItem() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n{\"type\":\"replay_recording\",\"length\":3}\n\u0001\u0002\u0003\n"));

    EnvelopeItem item = envelope.items().get(0);
    assertThat(item.type()).isEqualTo("replay_recording");
    assertThat(item.itemType()).isEqualTo(ItemType.OTHER);
    assertThat(ItemPayload.parse(item)).isInstanceOf(OtherItem.class);
  }

  @Test
  void items_ofOneType_keepEnvelopeOrder() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes(
                "{}\n{\"type\":\"session\"}\n{\"n\":1}\n{\"type\":\"event\"}\n{}\n{\"type\":\"session\"}\n{\"n\":2}\n"));

    assertThat(envelope.items(ItemType.SESSION))
        .extracting(EnvelopeItem::index)
        .containsExactly(0, 2);
  }

  // --- item headers

  @Test
  void itemHeader_withoutType_isMalformedItemHeader() {
    RejectedException e = rejection("{}\n{\"length\":2}\n{}\n");

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_ITEM_HEADER);
    assertThat(e.detail())
        .isEqualTo("item 0 header (byte 3): 'type' is nothing, expected a non-empty string");
  }

  @Test
  void itemHeader_notJson_isMalformedItemHeader() {
    assertThat(rejection("{}\n{\"type\":\n{}\n").reason())
        .isEqualTo(RejectReason.MALFORMED_ITEM_HEADER);
  }

  @Test
  void itemHeader_invalidUtf8_isInvalidUtf8() {
    byte[] body = {
      '{', '}', '\n', '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xff, '"', '}', '\n'
    };

    RejectedException e = rejection(body);

    assertThat(e.reason()).isEqualTo(RejectReason.INVALID_UTF8);
    assertThat(e.detail()).isEqualTo("item 0 header (byte 3): byte 9 is not valid UTF-8 (0xff)");
  }

  // --- item count

  @Test
  void itemCount_atTheLimit_isAccepted_andOneMore_isTooManyItems() {
    String three = "{}\n{\"type\":\"x\"}\na\n{\"type\":\"x\"}\nb\n{\"type\":\"x\"}\nc\n";

    assertThat(EnvelopeParser.parse(bytes(three), 3).items()).hasSize(3);
    assertThatThrownBy(() -> EnvelopeParser.parse(bytes(three), 2))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.TOO_MANY_ITEMS);
              assertThat(e.detail()).startsWith("the envelope has more than 2 items");
            });
  }

  // --- payload JSON

  @Test
  void itemJson_invalid_namesTheItem() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"event\"}\n{\"message\":}\n"));

    assertThatThrownBy(() -> envelope.items().get(0).json())
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_JSON);
              assertThat(e.detail())
                  .startsWith("item 0 (type event): not valid JSON at line 1 column 12");
            });
  }

  @Test
  void itemJson_trailingGarbageAfterTheObject_isInvalidJson() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"event\"}\n{} {}\n"));

    assertThatThrownBy(() -> envelope.items().get(0).json())
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_JSON));
  }

  @Test
  void itemJson_emptyPayload_isInvalidJson() {
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"event\",\"length\":0}\n\n"));

    assertThatThrownBy(() -> envelope.items().get(0).json())
        .isInstanceOfSatisfying(
            RejectedException.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo("item 0 (type event): empty, expected a JSON object"));
  }

  @Test
  void itemJson_invalidUtf8_namesTheByte() {
    byte[] body = bytes("{}\n{\"type\":\"event\",\"length\":10}\n{\"m\":\"X \"}\n");
    int x = new String(body, StandardCharsets.UTF_8).indexOf('X');
    body[x] = (byte) 0xc3; // a lead byte followed by a space: malformed

    Envelope envelope = EnvelopeParser.parse(body);

    assertThatThrownBy(() -> envelope.items().get(0).json())
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_UTF8);
              assertThat(e.detail())
                  .isEqualTo("item 0 (type event): byte 6 is not valid UTF-8 (0xc3)");
            });
  }

  @Test
  void itemJson_nestedTooDeeply_isInvalidJson_notAStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    Envelope envelope = EnvelopeParser.parse(bytes("{}\n{\"type\":\"event\"}\n" + deep + "\n"));

    assertThatThrownBy(() -> envelope.items().get(0).json())
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_JSON));
  }

  @Test
  void itemJson_multibyteUtf8_isAccepted() {
    Envelope envelope =
        EnvelopeParser.parse(
            bytes("{}\n{\"type\":\"event\"}\n{\"message\":\"Zahlung fehlgeschlagen – 💳\"}\n"));

    assertThat(envelope.items().get(0).json().path("message").asText()).endsWith("💳");
  }
}
