package dev.gonogo.feedback.sentry;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Renders what the parser and the typed views read from an envelope, one field per line, for the
 * golden {@code .expected} files: a changed reading shows as a one-line diff. Absent is "-".
 */
final class EnvelopeSummary {
  private final StringBuilder out = new StringBuilder();

  private EnvelopeSummary() {}

  static String of(Envelope envelope) {
    EnvelopeSummary s = new EnvelopeSummary();
    s.envelope(envelope);
    return s.out.toString();
  }

  private void envelope(Envelope envelope) {
    line(0, "envelope");
    line(1, "event_id: " + show(envelope.eventId()));
    line(1, "dsn: " + show(envelope.dsn()));
    line(1, "sent_at: " + show(envelope.sentAt()));
    line(1, "sdk: " + show(envelope.sdkName()) + " " + show(envelope.sdkVersion()));
    line(1, "items: " + envelope.items().size());
    for (EnvelopeItem item : envelope.items()) {
      item(item);
    }
  }

  private void item(EnvelopeItem item) {
    line(
        0,
        item.describe()
            + ": "
            + item.length()
            + " bytes, "
            + (item.declaredLength().isPresent() ? "explicit length" : "implicit length"));
    ItemPayload payload = ItemPayload.parse(item);
    if (payload instanceof SentryEvent event) {
      event(event);
    } else if (payload instanceof SessionUpdate session) {
      session(session);
    } else if (payload instanceof SessionAggregates aggregates) {
      aggregates(aggregates);
    } else if (payload instanceof ClientReport report) {
      clientReport(report);
    } else if (payload instanceof UserFeedback feedback) {
      feedback(feedback);
    } else if (payload instanceof Attachment attachment) {
      attachment(attachment);
    } else if (payload instanceof OtherItem other) {
      line(1, "skipped: " + other.type());
      line(1, "header: " + other.item().header().deepCopy().without("length"));
      line(1, "payload: " + printable(other.item().payload()));
    }
  }

  private void event(SentryEvent e) {
    line(1, "event_id: " + show(e.eventId()));
    line(1, "timestamp: " + show(e.timestamp()));
    line(1, "type: " + show(e.type()));
    line(1, "platform: " + show(e.platform()));
    line(1, "level: " + show(e.level()));
    line(1, "release: " + show(e.release()));
    line(1, "environment: " + show(e.environment()));
    line(1, "dist: " + show(e.dist()));
    line(1, "server_name: " + show(e.serverName()));
    line(1, "message: " + show(e.message()));
    e.user()
        .ifPresent(
            u ->
                line(
                    1,
                    "user: id="
                        + show(u.id())
                        + " ip_address="
                        + show(u.ipAddress())
                        + " email="
                        + show(u.email())
                        + " username="
                        + show(u.username())));
    line(1, "tags: " + tags(e.tags()));
    e.os()
        .ifPresent(
            os ->
                line(
                    1,
                    "os: name="
                        + show(os.name())
                        + " version="
                        + show(os.version())
                        + " build="
                        + show(os.build())
                        + " kernel_version="
                        + show(os.kernelVersion())));
    e.device()
        .ifPresent(
            d ->
                line(
                    1,
                    "device: model="
                        + show(d.model())
                        + " family="
                        + show(d.family())
                        + " manufacturer="
                        + show(d.manufacturer())
                        + " brand="
                        + show(d.brand())
                        + " arch="
                        + show(d.arch())));
    e.app()
        .ifPresent(
            a ->
                line(
                    1,
                    "app: app_identifier="
                        + show(a.appIdentifier())
                        + " app_name="
                        + show(a.appName())
                        + " app_version="
                        + show(a.appVersion())
                        + " app_build="
                        + show(a.appBuild())));
    e.sdk().ifPresent(s -> line(1, "sdk: " + show(s.name()) + " " + show(s.version())));
    line(1, "crash: " + e.isCrash());
    List<SentryException> chain = e.exceptions();
    for (int i = 0; i < chain.size(); i++) {
      SentryException x = chain.get(i);
      line(
          1,
          "exception "
              + i
              + ": "
              + x.title()
              + " (module "
              + show(x.module())
              + ") [mechanism "
              + x.mechanism().map(m -> show(m.type()) + " handled=" + show(m.handled())).orElse("-")
              + "]");
      for (int f = 0; f < x.frames().size(); f++) {
        StackFrame fr = x.frames().get(f);
        line(
            2,
            "frame "
                + f
                + ": function="
                + show(fr.function())
                + " module="
                + show(fr.module())
                + " filename="
                + show(fr.filename())
                + " abs_path="
                + show(fr.absPath())
                + " lineno="
                + show(fr.lineno())
                + " colno="
                + show(fr.colno())
                + " in_app="
                + show(fr.inApp())
                + " package="
                + show(fr.packageName())
                + " instruction_addr="
                + show(fr.instructionAddr())
                + " platform="
                + show(fr.platform()));
      }
    }
  }

  private void session(SessionUpdate s) {
    line(1, "sid: " + s.sid());
    line(1, "did: " + show(s.did()));
    line(1, "init: " + s.init());
    line(1, "seq: " + show(s.seq()));
    line(1, "timestamp: " + show(s.timestamp()));
    line(1, "started: " + s.started());
    line(1, "duration: " + show(s.duration()));
    line(1, "status: " + s.status().wireName());
    line(1, "errors: " + s.errors());
    line(1, "abnormal_mechanism: " + show(s.abnormalMechanism()));
    attrs(s.attrs());
    line(1, "terminal: " + s.isTerminal() + ", errored: " + s.isErrored());
  }

  private void aggregates(SessionAggregates a) {
    attrs(a.attrs());
    for (SessionAggregates.Bucket b : a.aggregates()) {
      line(
          1,
          "bucket "
              + b.started()
              + " did="
              + show(b.did())
              + " exited="
              + b.exited()
              + " errored="
              + b.errored()
              + " abnormal="
              + b.abnormal()
              + " crashed="
              + b.crashed());
    }
    line(1, "total sessions: " + a.totalSessions());
  }

  private void attrs(SessionAttributes attrs) {
    line(
        1,
        "attrs: release="
            + attrs.release()
            + " environment="
            + show(attrs.environment())
            + " ip_address="
            + show(attrs.ipAddress())
            + " user_agent="
            + show(attrs.userAgent()));
  }

  private void clientReport(ClientReport r) {
    line(1, "timestamp: " + show(r.timestamp()));
    for (ClientReport.Discarded d : r.discardedEvents()) {
      line(1, "discarded: " + d.reason() + " " + d.category() + " x" + d.quantity());
    }
  }

  private void feedback(UserFeedback f) {
    line(1, "kind: " + f.kind());
    line(1, "event_id: " + show(f.eventId()));
    line(1, "associated_event_id: " + show(f.associatedEventId()));
    line(1, "name: " + show(f.name()));
    line(1, "email: " + show(f.email()));
    line(1, "message: " + show(f.message()));
    line(1, "url: " + show(f.url()));
  }

  private void attachment(Attachment a) {
    line(1, "filename: " + show(a.filename()));
    line(1, "content_type: " + a.contentType());
    line(1, "attachment_type: " + a.attachmentType());
    line(1, "bytes: " + printable(a.bytes()));
  }

  private static String tags(Map<String, String> tags) {
    return tags.isEmpty()
        ? "-"
        : tags.entrySet().stream()
            .map(t -> t.getKey() + "=" + t.getValue())
            .collect(Collectors.joining(", "));
  }

  /** Text as a quoted Java string when it is printable UTF-8, else hex. */
  private static String printable(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean printable =
        text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t')
            && !text.contains("\uFFFD");
    if (!printable) {
      return "hex " + HexFormat.of().formatHex(bytes);
    }
    StringBuilder quoted = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                  if (c < 0x7f) {
                    quoted.append((char) c);
                  } else {
                    quoted.append(String.format("\\u%04x", c));
                  }
                }
              }
            });
    return quoted.append('"').toString();
  }

  private static String show(Optional<?> value) {
    return value.map(String::valueOf).orElse("-");
  }

  private static String show(OptionalLong value) {
    return value.isPresent() ? String.valueOf(value.getAsLong()) : "-";
  }

  private static String show(OptionalDouble value) {
    return value.isPresent() ? String.valueOf(value.getAsDouble()) : "-";
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
