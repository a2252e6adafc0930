package dev.gonogo.feedback.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK obeys a {@link RateLimit} header: after a 429 limiting {@code error}, it
 * stops sending errors, still sends sessions, and reports what it dropped.
 */
class JavaSdkRateLimitTest {

  @Test
  void javaSdk_after429WithAnErrorLimit_dropsErrors_keepsSessions_andReportsTheDrop()
      throws Exception {
    RateLimit limit =
        new RateLimit(Duration.ofSeconds(60), List.of("error"), "project", "crash_budget");
    AtomicInteger seen = new AtomicInteger();
    List<CapturingSentryServer.Request> requests = new ArrayList<>();
    try (CapturingSentryServer server =
        new CapturingSentryServer(
            request ->
                seen.getAndIncrement() == 0
                    ? new CapturingSentryServer.Response(
                        RejectReason.RATE_LIMITED.status(),
                        Map.of(
                            RateLimit.HEADER,
                            RateLimit.headerValue(List.of(limit)),
                            "Retry-After",
                            String.valueOf(limit.retryAfterSeconds())))
                    : CapturingSentryServer.Response.OK)) {
      Sentry.init(
          options -> {
            options.setDsn(server.dsn("0123456789abcdef0123456789abcdef", "42"));
            options.setRelease("beta-app@1.4.0-beta.2");
            options.setEnableShutdownHook(false);
            options.setEnableUncaughtExceptionHandler(false);
          });
      try {
        Sentry.captureException(new IllegalStateException("first: answered 429"));
        Sentry.flush(5_000);
        Sentry.captureException(new IllegalStateException("second: dropped by the SDK"));
        Sentry.startSession();
        Sentry.endSession();
        Sentry.flush(5_000);
        requests.addAll(server.drain(Duration.ofSeconds(1)));
      } finally {
        Sentry.close();
      }
    }

    List<Envelope> envelopes = new ArrayList<>();
    for (CapturingSentryServer.Request request : requests) {
      envelopes.add(parse(request));
    }
    List<ItemPayload> payloads =
        envelopes.stream().flatMap(e -> e.items().stream()).map(ItemPayload::parse).toList();
    assertThat(payloads.stream().filter(SentryEvent.class::isInstance))
        .as("only the first error reached the server")
        .hasSize(1);
    assertThat(payloads.stream().filter(SessionUpdate.class::isInstance)).isNotEmpty();
    long dropped =
        payloads.stream()
            .filter(ClientReport.class::isInstance)
            .map(ClientReport.class::cast)
            .flatMap(r -> r.discardedEvents().stream())
            .filter(d -> d.reason().equals("ratelimit_backoff") && d.category().equals("error"))
            .mapToLong(ClientReport.Discarded::quantity)
            .sum();
    assertThat(dropped).isGreaterThanOrEqualTo(1);
  }

  private static Envelope parse(CapturingSentryServer.Request request) throws IOException {
    return EnvelopeParser.parse(
        Decoding.decode(
            new ByteArrayInputStream(request.body()),
            request.header("Content-Encoding"),
            BodyLimits.RELAY_DEFAULTS));
  }
}
