package dev.gonogo.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentry.Sentry;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.User;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Sentry Java SDK, configured only with the DSN the service prints (plus the release
 * an app sets), sends a handled error with a cause, the same uncaught crash twice from two builds'
 * worth of threads, a user feedback in both wire forms, and sessions, to the real server on a real
 * SQLite file. The read API must return them stored, grouped and scrubbed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentrySdkIngestTest {
  private static final String RELEASE = "beta-app@2.0.0-beta.1";
  private static final String EMAIL = "tess.tester@example.com";

  private RunningServer service;
  private String handledId;
  private final List<String> crashIds = new ArrayList<>();

  /** Thrown from an app thread nobody catches: the SDK reports it as a crash. */
  private static void settleInvoice(int cents) {
    if (cents < 0) {
      throw new IllegalStateException(
          "invoice total negative for " + EMAIL,
          new ArithmeticException("integer overflow in line total"));
    }
  }

  @BeforeAll
  void sendAsABetaAppWould(@TempDir Path dir) throws Exception {
    service = new RunningServer(dir.resolve("sdk.db"), c -> c);
    Sentry.init(
        options -> {
          options.setDsn(service.dsn());
          options.setRelease(RELEASE);
          options.setEnvironment("beta");
          options.setEnableShutdownHook(false);
          options.addInAppInclude("dev.gonogo.feedback.web");
          options.setBeforeSend(
              (event, hint) -> {
                if (event.isCrashed()) {
                  crashIds.add(event.getEventId().toString().replace("-", ""));
                }
                return event;
              });
        });
    try {
      User user = new User();
      user.setId("tester-7");
      user.setEmail(EMAIL);
      user.setIpAddress("203.0.113.9");
      Sentry.setUser(user);

      Sentry.startSession();
      SentryId handled =
          Sentry.captureException(
              new IllegalStateException(
                  "checkout failed, card 4111 1111 1111 1111", new IOException("socket closed")));
      handledId = handled.toString().replace("-", "");
      sendFeedback(handled);
      crashOnAWorkerThread(); // ends the session as crashed

      Sentry.startSession();
      crashOnAWorkerThread(); // the same bug again, in a second session
      Sentry.startSession();
      Sentry.endSession(); // a healthy session
      Sentry.flush(10_000);
    } finally {
      Sentry.close();
    }
  }

  private static void crashOnAWorkerThread() throws InterruptedException {
    Thread worker = new Thread(() -> settleInvoice(-1), "invoice-worker");
    worker.start();
    worker.join();
  }

  @SuppressWarnings("deprecation")
  private static void sendFeedback(SentryId event) {
    io.sentry.UserFeedback report = new io.sentry.UserFeedback(event);
    report.setName("Tess Tester");
    report.setEmail(EMAIL);
    report.setComments("It froze when I paid; write to " + EMAIL);
    Sentry.captureUserFeedback(report);

    Feedback feedback = new Feedback("The pay button does nothing");
    feedback.setContactEmail(EMAIL);
    feedback.setName("Tess Tester");
    feedback.setAssociatedEventId(event);
    Sentry.feedback().capture(feedback);
  }

  @AfterAll
  void stop() {
    service.close();
  }

  /** The SDK sends asynchronously; everything must be readable within a bounded wait. */
  private JsonNode awaitStored(String path, java.util.function.Predicate<JsonNode> done) {
    return await("stored: " + path)
        .atMost(Duration.ofSeconds(15))
        .until(() -> service.read(path), done);
  }

  @Test
  void theHandledErrorAndBothCrashes_areStored_crashesMarkedAsCrashes() {
    JsonNode events = awaitStored("/events?release=" + RELEASE, e -> e.path("items").size() >= 3);

    assertThat(crashIds).hasSize(2);
    List<String> ids = new ArrayList<>();
    events.path("items").forEach(e -> ids.add(e.path("eventId").asText()));
    assertThat(ids).containsExactlyInAnyOrder(handledId, crashIds.get(0), crashIds.get(1));
    events
        .path("items")
        .forEach(
            e -> {
              assertThat(e.path("crash").asBoolean())
                  .as("crash flag of %s", e.path("eventId"))
                  .isEqualTo(!e.path("eventId").asText().equals(handledId));
              assertThat(e.path("environment").asText()).isEqualTo("beta");
              assertThat(e.path("platform").asText()).isEqualTo("java");
              assertThat(e.path("userId").asText()).isEqualTo("tester-7");
            });
  }

  @Test
  void theSameCrashTwice_isOneSignature_namedAfterTheInAppFrame() {
    JsonNode signatures =
        awaitStored("/signatures?release=" + RELEASE, s -> s.path("items").size() >= 2);

    JsonNode crash = signatures.path("items").get(0);
    assertThat(crash.path("events").asLong()).isEqualTo(2);
    assertThat(crash.path("storedEvents").asLong()).isEqualTo(2);
    assertThat(crash.path("title").asText())
        .isEqualTo(
            "java.lang.ArithmeticException: at dev.gonogo.feedback.web.SentrySdkIngestTest"
                + ".settleInvoice");
    JsonNode handled = signatures.path("items").get(1);
    assertThat(handled.path("events").asLong()).isEqualTo(1);
    assertThat(handled.path("fingerprint").asText())
        .isNotEqualTo(crash.path("fingerprint").asText());

    JsonNode detail = service.read("/signatures/" + crash.path("fingerprint").asText());
    assertThat(detail.path("releases")).hasSize(1);
    assertThat(detail.path("releases").get(0).path("release").asText()).isEqualTo(RELEASE);
    assertThat(detail.path("latestEvents")).hasSize(2);
  }

  @Test
  void storedEvents_areScrubbed_noEmailCardNumberOrIpAddressLeft() {
    awaitStored("/events?release=" + RELEASE, e -> e.path("items").size() >= 3);

    for (String id : List.of(handledId, crashIds.get(0))) {
      JsonNode body = service.read("/events/" + id).path("body");
      String text = body.toString();
      assertThat(text).doesNotContain(EMAIL, "4111 1111 1111 1111", "203.0.113.9");
      assertThat(body.path("user").path("email").asText()).isEqualTo("[email]");
      assertThat(body.path("user").has("ip_address")).isFalse();
      assertThat(body.path("user").path("id").asText()).isEqualTo("tester-7");
    }
    String value =
        service
            .read("/events/" + handledId)
            .path("body")
            .path("exception")
            .path("values")
            .get(1)
            .path("value")
            .asText();
    assertThat(value).isEqualTo("checkout failed, card [creditcard]");
  }

  @Test
  void feedbackInBothWireForms_isLinkedToTheHandledError_andScrubbed() {
    JsonNode feedback = awaitStored("/feedback", f -> f.path("items").size() >= 2);

    assertThat(feedback.path("items")).hasSize(2);
    List<String> messages = new ArrayList<>();
    feedback
        .path("items")
        .forEach(
            f -> {
              assertThat(f.path("eventId").asText()).isEqualTo(handledId);
              assertThat(f.path("name").asText()).isEqualTo("Tess Tester");
              assertThat(f.path("email").asText()).isEqualTo("[email]");
              messages.add(f.path("message").asText());
            });
    assertThat(messages)
        .containsExactlyInAnyOrder(
            "It froze when I paid; write to [email]", "The pay button does nothing");
    assertThat(service.read("/events/" + handledId).path("feedback")).hasSize(2);
  }

  @Test
  void sessions_areCounted_twoCrashedAndOneExited() {
    JsonNode sessions =
        awaitStored(
            "/sessions?release=" + RELEASE,
            s ->
                s.path("releases").size() == 1
                    && s.path("releases").get(0).path("crashed").asLong() == 2
                    && s.path("releases").get(0).path("exited").asLong() == 1);

    JsonNode counts = sessions.path("releases").get(0);
    assertThat(counts.path("environment").asText()).isEqualTo("beta");
    assertThat(counts.path("total").asLong()).isEqualTo(3);
    assertThat(counts.path("ok").asLong()).isZero();
    // The plain Java SDK sends no did (Android sends its installation id): no distinct users.
    assertThat(counts.path("distinctIds").asLong()).isZero();
  }

  @Test
  void releaseHealth_ofTheSdksSessionsAndCrashes_withItsPlatformAndVersion() {
    String path = "/releases/" + RELEASE + "/health";
    JsonNode health =
        awaitStored(
            path, h -> h.path("crashedSessions").asLong() == 2 && h.path("sessions").asLong() == 3);
    assertThat(health.path("healthySessions").asLong()).isEqualTo(1);
    assertThat(health.path("crashFreeSessions").path("value").asDouble())
        .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(health.path("crashEvents").asLong()).as("the two crashes").isEqualTo(2);
    assertThat(health.path("breakdown").path("platform").get(0).path("value").asText())
        .as("from the envelope's sdk.name, sentry.java")
        .isEqualTo("java");
    assertThat(health.path("breakdown").path("appVersion").get(0).path("value").asText())
        .isEqualTo("2.0.0-beta.1");
    // No did from the plain Java SDK: no users, so crash-free users is no data, not 100 %.
    assertThat(health.path("users").asLong()).isZero();
    assertThat(health.path("crashFreeUsers").path("value").isNull()).isTrue();
  }
}
