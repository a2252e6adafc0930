package dev.gonogo.load.bench.payload;

import dev.gonogo.load.bench.payload.internal.Gzip;
import dev.gonogo.load.bench.payload.internal.Wire;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Release-health session envelopes as the Sentry Android SDK sends them: a session's first update
 * ({@code init: true, status: ok, seq: 1}) when the app comes to the foreground, and its last one
 * ({@code seq: 2}) when it leaves: {@code exited}, or {@code crashed} with one error for {@value
 * #CRASHED_PERCENT} % of sessions and {@code exited} with an error for another {@value
 * #ERRORED_PERCENT} %. Each envelope is gzip'd on its own, as the SDK does.
 *
 * <p>Thread-safe.
 */
public final class SessionEnvelopes {
  static final int CRASHED_PERCENT = 2;
  static final int ERRORED_PERCENT = 3;
  static final int DEVICES = 50_000;
  private static final String[] RELEASES = {
    "com.example.shop@1.4.0-beta.2+412",
    "com.example.shop@1.4.0-beta.2+412",
    "com.example.shop@1.3.9+398"
  };

  private final Clock clock;

  public SessionEnvelopes(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One session of one device: what its two updates share. */
  public record Session(UUID sid, String did, String release, Instant started) {}

  /** A new session that starts now on a random device. */
  public Session newSession() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new Session(
        Wire.uuid(),
        "d-" + random.nextInt(DEVICES),
        RELEASES[random.nextInt(RELEASES.length)],
        clock.instant());
  }

  /** The session's first update. */
  public Envelope start(Session session) {
    String started = Wire.timestamp(session.started());
    return envelope(
        session,
        "\"init\":true,\"started\":\""
            + started
            + "\",\"timestamp\":\""
            + started
            + "\",\"status\":\"ok\",\"seq\":1,\"errors\":0");
  }

  /** A new session of {@code release} on device {@code did} that starts now. */
  public Session newSession(String did, String release) {
    return new Session(Wire.uuid(), did, release, clock.instant());
  }

  /** The session's last update: exited, exited with an error, or crashed. */
  public Envelope end(Session session) {
    int roll = ThreadLocalRandom.current().nextInt(100);
    boolean crashed = roll < CRASHED_PERCENT;
    boolean errored = !crashed && roll < CRASHED_PERCENT + ERRORED_PERCENT;
    return end(session, crashed, errored);
  }

  /** The session's last update: {@code crashed} (one error), else exited, with an error or not. */
  public Envelope end(Session session, boolean crashed, boolean errored) {
    Instant now = clock.instant();
    double duration = Math.max(0, now.toEpochMilli() - session.started().toEpochMilli()) / 1000.0;
    return envelope(
        session,
        "\"init\":false,\"started\":\""
            + Wire.timestamp(session.started())
            + "\",\"timestamp\":\""
            + Wire.timestamp(now)
            + "\",\"status\":\""
            + (crashed ? "crashed" : "exited")
            + "\",\"seq\":2,\"errors\":"
            + (crashed || errored ? 1 : 0)
            + ",\"duration\":"
            + duration);
  }

  private Envelope envelope(Session session, String fields) {
    byte[] payload =
        ("{\"sid\":\""
                + session.sid()
                + "\",\"did\":\""
                + session.did()
                + "\","
                + fields
                + ",\"attrs\":{\"release\":\""
                + session.release()
                + "\",\"environment\":\""
                + EventEnvelopes.ENVIRONMENT
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    String headers =
        "{\"sdk\":{\"name\":\""
            + EventEnvelopes.SDK_NAME
            + "\",\"version\":\""
            + EventEnvelopes.SDK_VERSION
            + "\"},\"sent_at\":\""
            + Wire.timestamp(clock.instant())
            + "\"}\n{\"content_type\":\"application/json\",\"type\":\"session\",\"length\":"
            + payload.length
            + "}\n";
    byte[] head = headers.getBytes(StandardCharsets.UTF_8);
    byte[] plain = new byte[head.length + payload.length + 1];
    System.arraycopy(head, 0, plain, 0, head.length);
    System.arraycopy(payload, 0, plain, head.length, payload.length);
    plain[plain.length - 1] = '\n';
    return new Envelope("", Gzip.gzip(plain));
  }
}
