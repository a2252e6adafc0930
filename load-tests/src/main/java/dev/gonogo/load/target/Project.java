package dev.gonogo.load.target;

import java.util.Objects;

/**
 * The candidate's project the load goes to: its id in URLs and its public key for the Sentry {@code
 * X-Sentry-Auth} header.
 */
public record Project(String id, String publicKey) {
  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** {@code /api/<id>/envelope/}: where SDKs send envelopes. */
  public String envelopePath() {
    return "/api/" + id + "/envelope/";
  }

  /** {@code /api/v1/projects/<id>}: the root of the project's read API. */
  public String readRoot() {
    return "/api/v1/projects/" + id;
  }
}
