package dev.gonogo.feedback.sentry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a request was refused. The {@link #code()} is stable: it appears in the response body, the
 * log line and the metric tag, so a dashboard and a client developer read the same word.
 *
 * <p>Statuses follow what the official SDKs expect: only 200 counts as accepted, 4xx are not
 * retried, 429 is backed off.
 */
public enum RejectReason {
  /** No credentials anywhere: no X-Sentry-Auth, no sentry_key query parameter, no dsn header. */
  MISSING_AUTH(
      401,
      "no Sentry credentials: send X-Sentry-Auth, the sentry_key query parameter or a 'dsn'"
          + " envelope header"),
  /** Credentials present but unreadable: not "Sentry k=v, ...", no sentry_key, a broken DSN. */
  INVALID_AUTH(401, "the Sentry credentials cannot be read"),
  /** Two credential sources name different keys (the protocol says: reject, do not pick one). */
  CONFLICTING_AUTH(401, "the credential sources name different keys"),
  /** The public key is well formed but no project has it. */
  UNKNOWN_KEY(403, "the public key is not known to this service"),
  /** The key, the DSN or the URL name different projects. */
  PROJECT_MISMATCH(403, "the credentials belong to another project"),
  /** The request body (as sent, before decompression) is over the limit. */
  BODY_TOO_LARGE(413, "the request body is larger than this service accepts"),
  /** The body inflates past the decompressed-size limit. */
  DECOMPRESSION_BOMB(413, "the body decompresses to more than this service accepts"),
  /** A Content-Encoding this service cannot decode. */
  UNSUPPORTED_ENCODING(415, "unsupported Content-Encoding"),
  /** The body does not decode with the declared Content-Encoding. */
  MALFORMED_COMPRESSION(400, "the body is not valid for its Content-Encoding"),
  /** The connection closed or went idle before the body's Content-Length was read. */
  INCOMPLETE_BODY(400, "the request body ended before it was whole"),
  /** Nothing to parse: zero bytes, or only whitespace. */
  EMPTY_BODY(400, "the request body is empty"),
  /** The first line is not a JSON object, or a known envelope header has the wrong type. */
  MALFORMED_ENVELOPE_HEADER(400, "the envelope header is not a valid JSON object"),
  /** An item header is not a JSON object, has no string 'type' or a bad 'length'. */
  MALFORMED_ITEM_HEADER(400, "an item header is not valid"),
  /** An item declares more payload bytes than the body has left. */
  ITEM_LENGTH_EXCEEDS_BODY(400, "an item declares more bytes than the body holds"),
  /** After an explicit-length payload comes neither a newline nor the end of the body. */
  ITEM_LENGTH_MISMATCH(400, "an item's declared length does not end at a newline"),
  /** More items than the configured limit. */
  TOO_MANY_ITEMS(400, "the envelope has too many items"),
  /** A JSON payload (or the legacy store body) is not a JSON object. */
  INVALID_JSON(400, "a payload is not valid JSON"),
  /** A header or JSON payload is not valid UTF-8. */
  INVALID_UTF8(400, "a header or payload is not valid UTF-8"),
  /** An item that must name an event (user_report) does not. */
  MISSING_EVENT_ID(400, "the event id is missing"),
  /** An event id is neither 32 hex digits nor a dashed UUID. */
  INVALID_EVENT_ID(400, "the event id is not a UUID"),
  /** A session or sessions payload breaks the release-health protocol. */
  INVALID_SESSION(400, "the session payload is not valid"),
  /** A client_report payload is not valid. */
  INVALID_CLIENT_REPORT(400, "the client report is not valid"),
  /** A feedback item has no contexts.feedback message. */
  INVALID_FEEDBACK(400, "the feedback payload is not valid"),
  /** The project is over its quota; the SDK backs off per Retry-After / X-Sentry-Rate-Limits. */
  RATE_LIMITED(429, "rate limited");

  private final int status;
  private final String defaultMessage;

  RejectReason(int status, String defaultMessage) {
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  /** The stable snake_case code, e.g. {@code invalid_session}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The HTTP status the response carries. */
  public int status() {
    return status;
  }

  /** A sentence for the response body when there is no more specific detail. */
  public String defaultMessage() {
    return defaultMessage;
  }

  /** The reason with this {@link #code()}, or empty. */
  public static Optional<RejectReason> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
