package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.sentry.internal.EventIds;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.sentry.internal.Quote;
import dev.gonogo.feedback.sentry.internal.Timestamps;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An error event: the payload of an {@code event} item or of a legacy {@code /store/} request.
 *
 * <p>The view holds the original JSON object and reads it on each call, so unknown fields survive
 * and can be written back ({@link #json()}). Only {@code event_id} is validated; any other field of
 * the wrong type reads as absent, as Relay drops an invalid value and keeps the event.
 */
public final class SentryEvent implements ItemPayload {
  private final ObjectNode json;

  private SentryEvent(ObjectNode json) {
    this.json = json;
  }

  /**
   * The event of an {@code event} item (or a {@code feedback} item, which is an event too).
   *
   * @throws RejectedException {@code invalid_json}, {@code invalid_utf8}, {@code invalid_event_id}
   */
  public static SentryEvent from(EnvelopeItem item) {
    return of(item.json(), item.describe());
  }

  /** The JSON body of a legacy {@code POST /api/<project>/store/} request. */
  public static SentryEvent fromStoreBody(byte[] body) {
    if (body.length == 0) {
      throw new RejectedException(RejectReason.EMPTY_BODY, "store body: the body has no bytes");
    }
    return of(Json.readPayload(body, 0, body.length, "store body"), "store body");
  }

  /**
   * A view of an event object.
   *
   * @param where names the source in messages, e.g. "item 1 (type event)"
   */
  public static SentryEvent of(ObjectNode json, String where) {
    JsonNode id = json.get("event_id");
    if (id != null
        && !id.isNull()
        && (!id.isTextual() || EventIds.normalize(id.textValue()).isEmpty())) {
      throw new RejectedException(
          RejectReason.INVALID_EVENT_ID,
          where
              + ": field 'event_id' is "
              + (id.isTextual() ? Quote.of(id.textValue()) : Json.describe(id))
              + ", expected 32 hex digits or a UUID");
    }
    return new SentryEvent(Objects.requireNonNull(json, "json"));
  }

  /** The event object, live: unknown fields included, changes are written back as they are. */
  public ObjectNode json() {
    return json;
  }

  /**
   * {@code event_id} as 32 lowercase hex digits. Empty when the payload has none: the envelope
   * header's id ({@link Envelope#eventId()}) takes precedence anyway, and with neither the caller
   * generates one.
   */
  public Optional<String> eventId() {
    return Json.text(json, "event_id").flatMap(EventIds::normalize);
  }

  /** RFC 3339 or epoch seconds; empty when absent or unreadable (use the receive time then). */
  public Optional<Instant> timestamp() {
    return Timestamps.parse(json.get("timestamp"));
  }

  /** {@code type}: absent means "error"; "feedback" for feedback events. */
  public Optional<String> type() {
    return Json.text(json, "type");
  }

  public Optional<String> platform() {
    return Json.text(json, "platform");
  }

  public Optional<String> level() {
    return Json.text(json, "level");
  }

  public Optional<String> release() {
    return Json.text(json, "release");
  }

  public Optional<String> environment() {
    return Json.text(json, "environment");
  }

  public Optional<String> dist() {
    return Json.text(json, "dist");
  }

  public Optional<String> serverName() {
    return Json.text(json, "server_name");
  }

  public Optional<String> logger() {
    return Json.text(json, "logger");
  }

  public Optional<String> transaction() {
    return Json.text(json, "transaction");
  }

  /** {@code user}; ids sent as numbers read as text. */
  public Optional<User> user() {
    return Json.object(json, "user")
        .map(
            u ->
                new User(
                    Json.text(u, "id"),
                    Json.text(u, "ip_address"),
                    Json.text(u, "email"),
                    Json.text(u, "username")));
  }

  /**
   * {@code tags}, in the order sent. Both wire forms are read: an object, and an array of {@code
   * [key, value]} pairs. Numbers and booleans read as text; nulls and other shapes are skipped.
   */
  public Map<String, String> tags() {
    JsonNode tags = json.get("tags");
    Map<String, String> out = new LinkedHashMap<>();
    if (tags == null) {
      return out;
    }
    if (tags.isObject()) {
      for (Map.Entry<String, JsonNode> e : tags.properties()) {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      }
    } else if (tags.isArray()) {
      for (JsonNode pair : tags) {
        if (pair.isArray()
            && pair.size() == 2
            && pair.get(0).isTextual()
            && pair.get(1).isValueNode()
            && !pair.get(1).isNull()) {
          out.put(pair.get(0).textValue(), pair.get(1).asText());
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** One context object by key, e.g. "runtime" or "trace". */
  public Optional<ObjectNode> context(String name) {
    return Json.object(json, "contexts").flatMap(c -> Json.object(c, name));
  }

  public Optional<Os> os() {
    return context("os")
        .map(
            os ->
                new Os(
                    Json.text(os, "name"),
                    Json.text(os, "version"),
                    Json.text(os, "build"),
                    Json.text(os, "kernel_version")));
  }

  public Optional<Device> device() {
    return context("device")
        .map(
            d ->
                new Device(
                    Json.text(d, "model"),
                    Json.text(d, "family"),
                    Json.text(d, "manufacturer"),
                    Json.text(d, "brand"),
                    Json.text(d, "arch")));
  }

  public Optional<App> app() {
    return context("app")
        .map(
            a ->
                new App(
                    Json.text(a, "app_identifier"),
                    Json.text(a, "app_name"),
                    Json.text(a, "app_version"),
                    Json.text(a, "app_build")));
  }

  public Optional<Sdk> sdk() {
    return Json.object(json, "sdk")
        .map(s -> new Sdk(Json.text(s, "name"), Json.text(s, "version")));
  }

  /**
   * The exception chain, oldest first: the innermost cause first, the outermost (the one thrown to
   * the handler) last. Read from {@code exception.values}, from {@code exception} sent as a bare
   * list, or from the legacy {@code sentry.interfaces.Exception} key. Empty for a message event.
   */
  public List<SentryException> exceptions() {
    JsonNode exception = json.get("exception");
    if (exception == null || exception.isNull()) {
      exception = json.get("sentry.interfaces.Exception");
    }
    if (exception == null) {
      return List.of();
    }
    JsonNode values = exception.isArray() ? exception : exception.get("values");
    if (values == null || !values.isArray()) {
      return List.of();
    }
    return Json.elements(values).stream()
        .filter(JsonNode::isObject)
        .map(SentryException::of)
        .toList();
  }

  /** The exception thrown to the handler: the last of {@link #exceptions()}. */
  public Optional<SentryException> outermostException() {
    List<SentryException> chain = exceptions();
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
  }

  /**
   * A crash: some exception's mechanism says {@code handled: false}. An exception without a
   * mechanism, or without {@code handled}, is not counted as a crash.
   */
  public boolean isCrash() {
    return exceptions().stream().anyMatch(SentryException::isUnhandled);
  }

  /**
   * The message as displayed: {@code logentry.formatted}, else {@code message} (a string, or an
   * object's {@code formatted}), else the unformatted {@code logentry.message} / {@code
   * message.message}.
   */
  public Optional<String> message() {
    Optional<ObjectNode> logentry = Json.object(json, "logentry");
    Optional<ObjectNode> messageObject = Json.object(json, "message");
    return logentry
        .flatMap(l -> Json.text(l, "formatted"))
        .or(() -> messageObject.flatMap(m -> Json.text(m, "formatted")))
        .or(() -> Json.text(json, "message"))
        .or(() -> logentry.flatMap(l -> Json.text(l, "message")))
        .or(() -> messageObject.flatMap(m -> Json.text(m, "message")));
  }

  /** {@code user}: who was affected. */
  public record User(
      Optional<String> id,
      Optional<String> ipAddress,
      Optional<String> email,
      Optional<String> username) {}

  /** {@code contexts.os}. */
  public record Os(
      Optional<String> name,
      Optional<String> version,
      Optional<String> build,
      Optional<String> kernelVersion) {}

  /** {@code contexts.device}. */
  public record Device(
      Optional<String> model,
      Optional<String> family,
      Optional<String> manufacturer,
      Optional<String> brand,
      Optional<String> arch) {}

  /** {@code contexts.app}. */
  public record App(
      Optional<String> appIdentifier,
      Optional<String> appName,
      Optional<String> appVersion,
      Optional<String> appBuild) {}

  /** {@code sdk}: the SDK that sent the event. */
  public record Sdk(Optional<String> name, Optional<String> version) {}

  @Override
  public String toString() {
    return "SentryEvent" + eventId().map(id -> " " + id).orElse("");
  }
}
