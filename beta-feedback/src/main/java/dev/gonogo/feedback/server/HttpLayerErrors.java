package dev.gonogo.feedback.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.feedback.ingest.IngestBudget;
import dev.gonogo.feedback.web.SentryRoutes;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers of the HTTP layer itself, for requests that never reached a route: a request that is
 * not HTTP/1.1, and a request cut off while the service stops. They are JSON with a stable code, as
 * every other refusal is, instead of Jetty's HTML error page.
 *
 * <p>A request cut off by the shutdown (its connection closed before the request was whole) is
 * answered 503 {@code shutting_down} with {@code Retry-After}: nothing of it was acknowledged and
 * it can be sent again, to the restarted service. Without this, Jetty answered such a request 500
 * with an HTML page, which an SDK counts as a server error.
 */
final class HttpLayerErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpField RETRY_AFTER =
      new HttpField(
          HttpHeader.RETRY_AFTER, Integer.toString(SentryRoutes.STORE_RETRY_AFTER_SECONDS));
  private static final String CONTENT_TYPE = "application/json";

  private final BooleanSupplier stopping;

  /**
   * @param stopping true once the service has begun to stop (its ingest budget is closed)
   */
  HttpLayerErrors(BooleanSupplier stopping) {
    this.stopping = stopping;
  }

  /** One answer: its status, extra header, and body. */
  private record Answer(int status, HttpField header, Map<String, Object> body) {
    byte[] bytes() {
      try {
        return JSON.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a map of strings cannot be written as JSON", e);
      }
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Object message = request.getAttribute(ERROR_MESSAGE);
    Answer answer = answer(response.getStatus(), message == null ? null : message.toString());
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    headers.put(ERROR_CACHE_CONTROL);
    if (answer.header() != null) {
      headers.put(answer.header());
    }
    response.write(true, ByteBuffer.wrap(answer.bytes()), callback);
    return true;
  }

  private Answer answer(int status, String reason) {
    if (stopping.getAsBoolean()) {
      return new Answer(
          HttpStatus.SERVICE_UNAVAILABLE_503,
          RETRY_AFTER,
          SentryRoutes.unavailableBody("shutting_down", IngestBudget.Closed.MESSAGE));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    // 505: a request line without HTTP/1.x (HTTP/0.9), which is not HTTP/1.1 either.
    if (HttpStatus.isClientError(status) || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      String why = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
      body.put("code", "malformed_http");
      body.put("message", "the request is not valid HTTP/1.1: " + why);
      return new Answer(status, null, body);
    }
    body.put("code", "internal_error");
    body.put("message", "the HTTP layer failed on this request; the service log has why");
    return new Answer(HttpStatus.INTERNAL_SERVER_ERROR_500, null, body);
  }
}
