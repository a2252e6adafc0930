package dev.gonogo.feedback.web;

import io.javalin.security.RouteRole;

/** Who may call a route; every route declares one, and one check enforces it. */
public enum Access implements RouteRole {
  /** Liveness, readiness, metrics. */
  PUBLIC,
  /** Ingestion: the project's public key, checked by the route itself (it names the project). */
  PROJECT_KEY,
  /** Project management and every read API: {@code Authorization: Bearer <admin token>}. */
  ADMIN
}
