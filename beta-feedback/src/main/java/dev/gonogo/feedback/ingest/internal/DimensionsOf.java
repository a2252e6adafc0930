package dev.gonogo.feedback.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.feedback.sentry.Envelope;
import dev.gonogo.feedback.sentry.SentryEvent;
import dev.gonogo.feedback.sentry.SessionAggregates;
import dev.gonogo.feedback.sentry.SessionUpdate;
import dev.gonogo.feedback.sentry.internal.Json;
import dev.gonogo.feedback.store.Records.Dimensions;
import java.util.Optional;

/**
 * What release health breaks figures down by, read from what clients send. Events carry it in their
 * contexts ({@code os}, {@code device}, {@code app}). Sentry sessions carry none of it, so a
 * session's platform comes from the envelope's SDK name ({@code sentry.java} is {@code java}) and
 * its app version from its release; gonogo also reads optional {@code attrs.platform}, {@code
 * attrs.os}, {@code attrs.device_model} and {@code attrs.app_version} (extensions that Sentry
 * ignores) for clients that can send them.
 */
final class DimensionsOf {
  private DimensionsOf() {}

  static Dimensions event(SentryEvent event, String release) {
    String os = event.os().map(o -> join(o.name().orElse(""), o.version().orElse(""))).orElse("");
    return new Dimensions(
        event.platform().orElse("other"),
        os,
        event.device().flatMap(SentryEvent.Device::model).orElse(""),
        event.app().flatMap(SentryEvent.App::appVersion).orElseGet(() -> appVersion(release)));
  }

  static Dimensions session(SessionUpdate session, Optional<Envelope> envelope) {
    return attrs(session.json(), session.attrs().release(), envelope);
  }

  /** An aggregate's buckets share its {@code attrs}, the extensions included. */
  static Dimensions aggregates(SessionAggregates aggregates, Optional<Envelope> envelope) {
    return attrs(aggregates.json(), aggregates.attrs().release(), envelope);
  }

  private static Dimensions attrs(JsonNode payload, String release, Optional<Envelope> envelope) {
    JsonNode attrs = payload.path("attrs");
    return new Dimensions(
        Json.text(attrs, "platform").orElseGet(() -> platform(envelope)),
        Json.text(attrs, "os").orElse(""),
        Json.text(attrs, "device_model").orElse(""),
        Json.text(attrs, "app_version").orElseGet(() -> appVersion(release)));
  }

  /** {@code sentry.java} and {@code sentry.java.android} are {@code java}; "" when unnamed. */
  static String platform(Optional<Envelope> envelope) {
    String sdk = envelope.flatMap(Envelope::sdkName).orElse("");
    if (!sdk.startsWith("sentry.")) {
      return "";
    }
    String rest = sdk.substring("sentry.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /**
   * The version inside a release name as Sentry spells them ({@code package@version+build}): {@code
   * my-app@1.4.0+812} is {@code 1.4.0}; a release without {@code @} is its own version.
   */
  static String appVersion(String release) {
    int at = release.indexOf('@');
    String version = at < 0 ? release : release.substring(at + 1);
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }

  private static String join(String name, String version) {
    return (name + " " + version).strip();
  }
}
