package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Builds envelope items for unit tests; JSON is written with single quotes for readability. */
final class TestItems {
  private TestItems() {}

  /** An item of this type whose payload is {@code json} with ' turned into ". */
  static EnvelopeItem item(int index, String type, String json) {
    ObjectNode header = JsonNodeFactory.instance.objectNode().put("type", type);
    return new EnvelopeItem(
        index, header, json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  static EnvelopeItem item(String type, String json) {
    return item(0, type, json);
  }
}
