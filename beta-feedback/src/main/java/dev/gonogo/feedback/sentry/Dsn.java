package dev.gonogo.feedback.sentry;

import dev.gonogo.feedback.sentry.internal.Quote;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sentry DSN, {@code {scheme}://{publicKey}[:{secret}]@{host}[:{port}]{path}/{projectId}}. The
 * project id is the last path segment; anything before it is the path prefix of the ingest base
 * URL. The secret is deprecated and only carried.
 */
public record Dsn(
    String scheme,
    String publicKey,
    Optional<String> secretKey,
    String host,
    int port,
    String pathPrefix,
    String projectId) {

  public Dsn {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    Objects.requireNonNull(projectId, "projectId");
  }

  /**
   * Parses a DSN.
   *
   * @throws RejectedException {@code invalid_auth} naming what is wrong
   */
  public static Dsn parse(String dsn) {
    if (dsn == null || dsn.isBlank()) {
      throw invalid(dsn, "is empty");
    }
    URI uri;
    try {
      uri = new URI(dsn.trim());
    } catch (URISyntaxException e) {
      throw invalid(dsn, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(dsn, "must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(dsn, "has no host");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      throw invalid(dsn, "has no public key before the '@'");
    }
    int colon = userInfo.indexOf(':');
    String key = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String secret = colon < 0 ? "" : userInfo.substring(colon + 1);
    if (!SentryAuth.isWellFormedKey(key)) {
      throw invalid(dsn, "has a malformed public key " + Quote.of(key));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int slash = path.lastIndexOf('/');
    String projectId = slash < 0 ? "" : path.substring(slash + 1);
    if (projectId.isEmpty()) {
      throw invalid(dsn, "has no project id as its last path segment");
    }
    return new Dsn(
        scheme,
        key,
        secret.isEmpty() ? Optional.empty() : Optional.of(secret),
        uri.getHost(),
        uri.getPort(),
        path.substring(0, slash),
        projectId);
  }

  private static RejectedException invalid(String dsn, String problem) {
    return new RejectedException(RejectReason.INVALID_AUTH, "DSN " + Quote.of(dsn) + " " + problem);
  }
}
