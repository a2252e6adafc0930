package dev.gonogo.feedback.sentry;

import dev.gonogo.feedback.sentry.internal.Fields;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code attrs} of a session update or aggregate. Immutable over a session's life, per protocol.
 *
 * @param release required, e.g. {@code my-app@1.4.0-beta.2}
 * @param ipAddress for filtering only; Sentry does not persist it
 * @param userAgent for filtering only
 */
public record SessionAttributes(
    String release,
    Optional<String> environment,
    Optional<String> ipAddress,
    Optional<String> userAgent) {

  public SessionAttributes {
    Objects.requireNonNull(release, "release");
    if (release.isBlank()) {
      throw new IllegalArgumentException("release must not be blank");
    }
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  static SessionAttributes read(Fields payload) {
    Fields attrs = payload.object("attrs");
    return new SessionAttributes(
        attrs.requiredText("release"),
        attrs.text("environment"),
        attrs.text("ip_address"),
        attrs.text("user_agent"));
  }
}
