package dev.gonogo.feedback.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.feedback.sentry.internal.Quote;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credentials of a request: the project's public key, and what the client said about itself.
 *
 * <p>Sentry accepts three places, and when several are present they must agree:
 *
 * <ol>
 *   <li>{@code X-Sentry-Auth: Sentry sentry_key=..., sentry_version=7, sentry_client=...} (also as
 *       {@code Authorization: Sentry ...});
 *   <li>the query string: {@code ?sentry_key=...&sentry_version=7};
 *   <li>the envelope header {@code dsn}, which also names the project.
 * </ol>
 *
 * @param key the public key
 * @param client {@code sentry_client}, e.g. {@code sentry.java/8.62.0}; empty from a DSN
 * @param version {@code sentry_version}; empty when not sent (only the DSN form omits it)
 * @param source where the key was read
 * @param projectId the project named by a DSN; empty for the header and query forms
 */
public record SentryAuth(
    String key,
    Optional<String> client,
    Optional<Integer> version,
    Source source,
    Optional<String> projectId) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");

  /** Where the key came from. */
  public enum Source {
    X_SENTRY_AUTH,
    AUTHORIZATION,
    QUERY,
    ENVELOPE_DSN
  }

  public SentryAuth {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(projectId, "projectId");
  }

  /** Public keys are 32 hex digits in practice; letters, digits, '_' and '-' are accepted. */
  static boolean isWellFormedKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /**
   * From the request headers. An {@code Authorization} header with another scheme (Basic, Bearer)
   * is not Sentry's and is ignored; X-Sentry-Auth wins when both are present and agree.
   *
   * @return empty when neither header carries Sentry credentials
   * @throws RejectedException {@code invalid_auth} for a malformed value, {@code conflicting_auth}
   *     when the two headers name different keys
   */
  public static Optional<SentryAuth> fromHeaders(String xSentryAuth, String authorization) {
    Optional<SentryAuth> header =
        xSentryAuth == null || xSentryAuth.isBlank()
            ? Optional.empty()
            : Optional.of(parseHeader(xSentryAuth, Source.X_SENTRY_AUTH));
    Optional<SentryAuth> auth =
        authorization != null && hasSentryScheme(authorization)
            ? Optional.of(parseHeader(authorization, Source.AUTHORIZATION))
            : Optional.empty();
    return agree(header, auth);
  }

  /**
   * From a raw query string such as {@code sentry_key=abc&sentry_version=7}; other parameters are
   * ignored.
   *
   * @return empty when the query has no sentry_ parameters
   * @throws RejectedException {@code invalid_auth} when sentry_ parameters lack a valid key
   */
  public static Optional<SentryAuth> fromQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isBlank()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.startsWith("sentry_")) {
        params.putIfAbsent(name, decode(eq < 0 ? "" : pair.substring(eq + 1)));
      }
    }
    if (params.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromPairs(params, Source.QUERY, "query string"));
  }

  /**
   * From the envelope header {@code dsn}.
   *
   * @return empty when the header has no dsn
   * @throws RejectedException {@code invalid_auth} when the dsn is not a string or not a DSN
   */
  public static Optional<SentryAuth> fromEnvelope(Envelope envelope) {
    JsonNode dsn = envelope.header().get("dsn");
    if (dsn == null || dsn.isNull()) {
      return Optional.empty();
    }
    if (!dsn.isTextual()) {
      throw new RejectedException(
          RejectReason.INVALID_AUTH, "envelope header 'dsn' is not a string");
    }
    Dsn parsed = Dsn.parse(dsn.textValue());
    return Optional.of(
        new SentryAuth(
            parsed.publicKey(),
            Optional.empty(),
            Optional.empty(),
            Source.ENVELOPE_DSN,
            Optional.of(parsed.projectId())));
  }

  /**
   * The credentials of a request from all the places it may carry them, in order of preference
   * (header, query, envelope). The protocol asks that present sources agree.
   *
   * @throws RejectedException {@code missing_auth} when none is present, {@code conflicting_auth}
   *     when two name different keys
   */
  @SafeVarargs
  public static SentryAuth resolve(Optional<SentryAuth>... candidates) {
    Optional<SentryAuth> chosen = Optional.empty();
    for (Optional<SentryAuth> candidate : candidates) {
      chosen = agree(chosen, candidate);
    }
    return chosen.orElseThrow(
        () ->
            new RejectedException(
                RejectReason.MISSING_AUTH, RejectReason.MISSING_AUTH.defaultMessage()));
  }

  /**
   * Checks the project in the URL against the one a DSN names.
   *
   * @throws RejectedException {@code project_mismatch}
   */
  public void requireProject(String routeProjectId) {
    if (projectId.isPresent() && !projectId.get().equals(routeProjectId)) {
      throw new RejectedException(
          RejectReason.PROJECT_MISMATCH,
          "the envelope DSN names project "
              + Quote.of(projectId.get())
              + " but the request was sent to project "
              + Quote.of(routeProjectId));
    }
  }

  /** Keeps the first; takes the DSN's project id if the first has none. */
  private static Optional<SentryAuth> agree(Optional<SentryAuth> first, Optional<SentryAuth> next) {
    if (first.isEmpty()) {
      return next;
    }
    if (next.isEmpty()) {
      return first;
    }
    SentryAuth a = first.get();
    SentryAuth b = next.get();
    if (!a.key.equals(b.key)) {
      throw new RejectedException(
          RejectReason.CONFLICTING_AUTH,
          describe(a.source)
              + " names key "
              + Quote.of(a.key)
              + " but "
              + describe(b.source)
              + " names "
              + Quote.of(b.key));
    }
    return Optional.of(
        new SentryAuth(
            a.key,
            a.client.or(() -> b.client),
            a.version.or(() -> b.version),
            a.source,
            a.projectId.or(() -> b.projectId)));
  }

  private static String describe(Source source) {
    switch (source) {
      case X_SENTRY_AUTH:
        return "X-Sentry-Auth";
      case AUTHORIZATION:
        return "Authorization";
      case QUERY:
        return "the query string";
      default:
        return "the envelope DSN";
    }
  }

  private static boolean hasSentryScheme(String value) {
    String trimmed = value.trim();
    return trimmed.regionMatches(true, 0, "Sentry", 0, 6)
        && (trimmed.length() == 6 || Character.isWhitespace(trimmed.charAt(6)));
  }

  private static SentryAuth parseHeader(String value, Source source) {
    String name = describe(source);
    if (!hasSentryScheme(value)) {
      throw new RejectedException(
          RejectReason.INVALID_AUTH,
          name + " " + Quote.of(value) + " does not start with the scheme 'Sentry'");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String part : value.trim().substring(6).split(",")) {
      String pair = part.trim();
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new RejectedException(
            RejectReason.INVALID_AUTH, name + ": " + Quote.of(pair) + " is not key=value");
      }
      String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String val = unquote(pair.substring(eq + 1).trim());
      pairs.putIfAbsent(key, val);
    }
    return fromPairs(pairs, source, name);
  }

  private static SentryAuth fromPairs(Map<String, String> pairs, Source source, String name) {
    String key = pairs.get("sentry_key");
    if (key == null || key.isEmpty()) {
      throw new RejectedException(RejectReason.INVALID_AUTH, name + " has no sentry_key");
    }
    if (!isWellFormedKey(key)) {
      throw new RejectedException(
          RejectReason.INVALID_AUTH, name + ": sentry_key " + Quote.of(key) + " is malformed");
    }
    Optional<Integer> version = Optional.empty();
    String rawVersion = pairs.get("sentry_version");
    if (rawVersion != null && !rawVersion.isEmpty()) {
      try {
        version = Optional.of(Integer.parseInt(rawVersion));
      } catch (NumberFormatException e) {
        throw new RejectedException(
            RejectReason.INVALID_AUTH,
            name + ": sentry_version " + Quote.of(rawVersion) + " is not a number");
      }
    }
    String client = pairs.get("sentry_client");
    return new SentryAuth(
        key,
        client == null || client.isEmpty() ? Optional.empty() : Optional.of(client),
        version,
        source,
        Optional.empty());
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RejectedException(
          RejectReason.INVALID_AUTH, "query string: " + Quote.of(raw) + " is not URL-encoded");
    }
  }
}
