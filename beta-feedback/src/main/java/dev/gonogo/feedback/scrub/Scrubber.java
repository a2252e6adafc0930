package dev.gonogo.feedback.scrub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gonogo.feedback.scrub.internal.KeyClassifier;
import dev.gonogo.feedback.scrub.internal.Tally;
import dev.gonogo.feedback.scrub.internal.TextScrubber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Removes personal data from a Sentry protocol item (event, session, session aggregates, user
 * feedback) in place, before it is stored. Immutable and thread-safe; build one per configuration
 * and share it.
 *
 * <p>One walk over the tree, in this order for each object field or array element:
 *
 * <ol>
 *   <li>A safe key ({@link ScrubSettings#safeKeys()}): the value and everything below it is kept.
 *   <li>A sensitive key ({@link ScrubSettings#sensitiveKeys()}): every string and number below it
 *       becomes {@code [Filtered]}; objects and arrays keep their shape, so a filtered {@code
 *       request.cookies} object is still an object. Nulls, booleans and empty strings are kept.
 *   <li>Otherwise strings are scanned for key=value text, e-mail addresses, IP addresses and card
 *       numbers, and containers are walked. An array element {@code [key, value]} whose first item
 *       is a string (tags and headers in list form) is treated like an object field.
 * </ol>
 *
 * <p>Numbers are never scanned by pattern, only filtered by key: a 16-digit order id stays a
 * number, and a card number sent as a JSON number under a neutral key is not recognised. Object
 * field names are not scanned either. Before the walk, with {@link ScrubSettings#ips()} on, the
 * fields that hold the sender's address are removed: {@code user.ip_address} (also the SDK's {@code
 * "{{auto}}"}), {@code request.env.REMOTE_ADDR} and session {@code attrs.ip_address}.
 *
 * <p>{@code user.id} is kept and scanned like other values; the session's {@code did} is on the
 * safe list. Both are meant to be pseudonymous ids (the SDK falls back to a random installation id)
 * and crash-free-user rates count distinct {@code did} values.
 */
public final class Scrubber {
  /** Fields removed before the walk when IPs are scrubbed: parent path, then field name. */
  private static final List<List<String>> ADDRESS_FIELDS =
      List.of(
          List.of("user", "ip_address"),
          List.of("request", "env", "REMOTE_ADDR"),
          List.of("attrs", "ip_address"));

  private final ScrubSettings settings;
  private final KeyClassifier keys;
  private final TextScrubber text;
  private final TextNode filtered;

  public Scrubber(ScrubSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keys =
        new KeyClassifier(
            settings.keyNames() ? settings.sensitiveKeys() : Set.of(), settings.safeKeys());
    this.text = new TextScrubber(settings, keys);
    this.filtered = TextNode.valueOf(settings.replacements().keyValue());
    requireStable(settings.replacements());
  }

  public ScrubSettings settings() {
    return settings;
  }

  /**
   * Scrubs {@code item} in place.
   *
   * @return what was replaced or removed; {@link ScrubResult#NONE} when scrubbing is disabled
   * @throws IllegalStateException if a rule fails; the message names the rule, never the data
   */
  public ScrubResult scrub(ObjectNode item) {
    Objects.requireNonNull(item, "item");
    if (!settings.enabled()) {
      return ScrubResult.NONE;
    }
    Tally tally = new Tally();
    if (settings.ips()) {
      removeAddressFields(item, tally);
    }
    scrubObject(item, tally);
    return tally.toResult();
  }

  /**
   * Scrubs free text such as a feedback comment or a session's user agent with the same text rules
   * as strings inside an item.
   *
   * @return {@code text} itself when nothing was found or scrubbing is disabled
   */
  public String scrubText(String text) {
    Objects.requireNonNull(text, "text");
    if (!settings.enabled()) {
      return text;
    }
    return this.text.scrub(text, new Tally());
  }

  private void removeAddressFields(ObjectNode item, Tally tally) {
    for (List<String> path : ADDRESS_FIELDS) {
      JsonNode parent = item;
      for (int i = 0; i < path.size() - 1 && parent != null; i++) {
        parent = parent.get(path.get(i));
      }
      if (parent instanceof ObjectNode object && object.remove(path.get(path.size() - 1)) != null) {
        tally.ip();
      }
    }
  }

  private void scrubObject(ObjectNode object, Tally tally) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      JsonNode value = field.getValue();
      JsonNode scrubbed =
          switch (keys.classify(field.getKey())) {
            case SAFE -> value;
            case SENSITIVE -> filter(value, tally);
            case NEUTRAL -> scrubValue(value, tally);
          };
      if (scrubbed != value) {
        field.setValue(scrubbed);
      }
    }
  }

  private JsonNode scrubValue(JsonNode value, Tally tally) {
    if (value.isTextual()) {
      String original = value.textValue();
      String scrubbed = text.scrub(original, tally);
      return scrubbed == original ? value : TextNode.valueOf(scrubbed);
    }
    if (value.isObject()) {
      scrubObject((ObjectNode) value, tally);
    } else if (value.isArray()) {
      scrubArray((ArrayNode) value, tally);
    }
    return value;
  }

  private void scrubArray(ArrayNode array, Tally tally) {
    for (int i = 0, n = array.size(); i < n; i++) {
      JsonNode element = array.get(i);
      if (element.isArray() && element.size() == 2 && element.get(0).isTextual()) {
        scrubPair((ArrayNode) element, tally);
        continue;
      }
      JsonNode scrubbed = scrubValue(element, tally);
      if (scrubbed != element) {
        array.set(i, scrubbed);
      }
    }
  }

  /** {@code [key, value]}: tags, headers, cookies and query strings in list form. */
  private void scrubPair(ArrayNode pair, Tally tally) {
    JsonNode key = pair.get(0);
    JsonNode value = pair.get(1);
    switch (keys.classify(key.textValue())) {
      case SAFE -> {}
      case SENSITIVE -> {
        JsonNode filteredValue = filter(value, tally);
        if (filteredValue != value) {
          pair.set(1, filteredValue);
        }
      }
      case NEUTRAL -> {
        // Not every two-item array is a pair, so its first item is scanned as a value too.
        JsonNode scrubbedKey = scrubValue(key, tally);
        if (scrubbedKey != key) {
          pair.set(0, scrubbedKey);
        }
        JsonNode scrubbedValue = scrubValue(value, tally);
        if (scrubbedValue != value) {
          pair.set(1, scrubbedValue);
        }
      }
    }
  }

  /** Replaces every string and number at or below {@code value}; keeps the shape of containers. */
  private JsonNode filter(JsonNode value, Tally tally) {
    if (value.isTextual()) {
      String original = value.textValue();
      if (original.isEmpty() || original.equals(filtered.textValue())) {
        return value;
      }
      tally.keyValue();
      return filtered;
    }
    if (value.isNumber() || value.isBinary() || value.isPojo()) {
      tally.keyValue();
      return filtered;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode child = field.getValue();
        JsonNode replaced = filter(child, tally);
        if (replaced != child) {
          field.setValue(replaced);
        }
      }
    } else if (value.isArray()) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0, n = array.size(); i < n; i++) {
        JsonNode child = array.get(i);
        JsonNode replaced = filter(child, tally);
        if (replaced != child) {
          array.set(i, replaced);
        }
      }
    }
    return value;
  }

  /** Scrubbing twice must change nothing, so no replacement may match a rule itself. */
  private void requireStable(ScrubSettings.Replacements replacements) {
    for (String replacement :
        List.of(
            replacements.keyValue(),
            replacements.email(),
            replacements.ip(),
            replacements.creditCard())) {
      if (text.scrub(replacement, new Tally()) != replacement) {
        throw new IllegalArgumentException(
            "replacement '"
                + replacement
                + "' is itself matched by the scrub rules "
                + text.ruleNames()
                + "; choose a text without e-mail, IP or card-number shapes");
      }
    }
  }
}
