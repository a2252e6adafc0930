package dev.gonogo.feedback.project;

import java.net.URI;
import java.util.Objects;

/**
 * A project receives crash reports and sessions. Its public key and id form the DSN an app's Sentry
 * SDK is configured with: {@code http://<publicKey>@<host>:<port>/<id>}.
 */
public record Project(String id, String name, String publicKey, long createdAt) {
  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** The DSN for a service reachable at {@code base}, e.g. http://abc@127.0.0.1:8080/1. */
  public String dsn(URI base) {
    return base.getScheme() + "://" + publicKey + "@" + base.getRawAuthority() + "/" + id;
  }
}
