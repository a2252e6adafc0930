package dev.gonogo.feedback.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <admin token>} on the admin and read APIs. */
public final class AdminAuth {
  private final byte[] token;

  public AdminAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  public void check(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new ApiException(
          401,
          "missing_admin_token",
          "this API needs the admin token: send 'Authorization: Bearer <token>'",
          "Authorization");
    }
    String presented = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : "";
    if (!MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          403, "invalid_admin_token", "the admin token is not valid", "Authorization");
    }
  }
}
