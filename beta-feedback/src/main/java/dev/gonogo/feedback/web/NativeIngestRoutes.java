package dev.gonogo.feedback.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.sentry.Envelope;
import dev.gonogo.feedback.sentry.EnvelopeItem;
import dev.gonogo.feedback.sentry.RejectReason;
import dev.gonogo.feedback.sentry.RejectedException;
import dev.gonogo.feedback.sentry.SentryAuth;
import dev.gonogo.feedback.sentry.internal.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The native JSON ingest API for clients without a Sentry SDK, under {@code /api/v1/ingest/
 * {project}/}. The project's public key goes in {@code X-Gonogo-Key} (the Sentry forms, {@code
 * X-Sentry-Auth} and {@code ?sentry_key=}, work too). Payloads use the Sentry field names, so one
 * document describes both APIs; each request becomes an envelope and takes exactly the path SDK
 * traffic takes: validation, scrubbing, signatures, rate limits, durable acknowledgement.
 *
 * <ul>
 *   <li>{@code POST events}: one event object (as {@code /store/}).
 *   <li>{@code POST sessions}: {@code {"sessions": [<session update>, ...]}}, each as a Sentry
 *       {@code session} item; messages name them {@code item N}.
 *   <li>{@code POST feedback}: {@code {"message", "name", "email", "eventId", "url"}}.
 * </ul>
 */
public final class NativeIngestRoutes {
  public static final String KEY_HEADER = "X-Gonogo-Key";
  private static final int MAX_SESSIONS = 100;

  private final SentryRoutes sentry;

  public NativeIngestRoutes(SentryRoutes sentry) {
    this.sentry = sentry;
  }

  public void events(Context ctx) {
    // The body is the event item's payload as sent; the event parser validates it.
    ingest(ctx, body -> List.of(item(0, "event", nonEmpty(body))));
  }

  public void sessions(Context ctx) {
    ingest(
        ctx,
        body -> {
          JsonNode sessions = object(body).get("sessions");
          if (sessions == null || !sessions.isArray() || sessions.isEmpty()) {
            throw new RejectedException(
                RejectReason.INVALID_SESSION,
                "field 'sessions' must be a non-empty array of session updates");
          }
          if (sessions.size() > MAX_SESSIONS) {
            throw new RejectedException(
                RejectReason.TOO_MANY_ITEMS,
                "field 'sessions' has " + sessions.size() + " updates, at most " + MAX_SESSIONS);
          }
          List<EnvelopeItem> items = new ArrayList<>();
          for (JsonNode session : sessions) {
            items.add(item(items.size(), "session", bytes(session)));
          }
          return items;
        });
  }

  public void feedback(Context ctx) {
    ingest(
        ctx,
        body -> {
          ObjectNode in = object(body);
          ObjectNode feedback = JsonNodeFactory.instance.objectNode();
          copy(in, "message", feedback, "message");
          copy(in, "name", feedback, "name");
          copy(in, "email", feedback, "contact_email");
          copy(in, "url", feedback, "url");
          copy(in, "eventId", feedback, "associated_event_id");
          ObjectNode event = JsonNodeFactory.instance.objectNode();
          event.put("type", "feedback");
          event.putObject("contexts").set("feedback", feedback);
          return List.of(item(0, "feedback", bytes(event)));
        });
  }

  private interface Items {
    List<EnvelopeItem> of(byte[] body);
  }

  private void ingest(Context ctx, Items items) {
    String routeProject = ctx.pathParam("project");
    sentry.withLease(
        ctx,
        lease -> {
          Optional<SentryAuth> key =
              Optional.ofNullable(ctx.header(KEY_HEADER))
                  .filter(k -> !k.isBlank())
                  .flatMap(k -> SentryAuth.fromQuery("sentry_key=" + k.trim()));
          SentryAuth auth =
              SentryAuth.resolve(
                  key,
                  SentryAuth.fromHeaders(ctx.header("X-Sentry-Auth"), null),
                  SentryAuth.fromQuery(ctx.queryString()));
          Project project = sentry.authenticate(auth, routeProject);
          byte[] body = sentry.readBody(ctx, lease);
          Envelope envelope = new Envelope(JsonNodeFactory.instance.objectNode(), items.of(body));
          return sentry.submit(ctx, project, envelope, lease);
        });
  }

  private static ObjectNode object(byte[] body) {
    return Json.readPayload(nonEmpty(body), 0, body.length, "request body");
  }

  private static byte[] nonEmpty(byte[] body) {
    if (body.length == 0) {
      throw new RejectedException(RejectReason.EMPTY_BODY, "the request body has no bytes");
    }
    return body;
  }

  private static void copy(ObjectNode from, String field, ObjectNode to, String as) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(as, value);
    }
  }

  private static EnvelopeItem item(int index, String type, byte[] payload) {
    return new EnvelopeItem(
        index, JsonNodeFactory.instance.objectNode().put("type", type), payload);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
