package dev.gonogo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.Awaits;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import io.sentry.Sentry;
import io.sentry.protocol.Feedback;
import io.sentry.protocol.SentryId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a beta user's app does, done by the official Sentry Java SDK against the candidate
 * container: only the DSN points at the candidate. Every test sends through the SDK's own
 * background transport and then waits, bounded, until the read API shows what was sent.
 */
@Epic("Release candidate")
@Feature("Sentry Java SDK end to end")
@ExtendWith(ContainerLogsOnFailure.class)
class SentrySdkEndToEndIT {
  private static final long SDK_FLUSH_MS = 10_000;

  private static BetaFeedbackContainer candidate;
  private static CandidateApi api;
  private static Project project;

  /** Ids of the events the SDK handed to its transport (from {@code beforeSend}). */
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void projectOfItsOwn() {
    candidate = SharedContainers.candidate();
    api = CandidateApi.of(candidate);
    project = api.createProject("sentry-sdk-e2e");
  }

  @AfterEach
  void closeTheSdk() {
    Sentry.close();
  }

  @Test
  @Story("An uncaught exception on a thread arrives as a crash, grouped into a signature")
  void uncaughtException_onAThread_isStoredAsACrash_withItsSignatureAndCrashedSession()
      throws Exception {
    String release = "sdk-shop@1.0.0";
    initSdk(release);
    Sentry.startSession();

    Thread worker = new Thread(() -> new Checkout().pay("tess.tester@example.com"), "checkout");
    worker.start();
    // The SDK's handler captures the crash and flushes before the thread ends.
    worker.join(SDK_FLUSH_MS + 5_000);
    assertThat(worker.isAlive()).as("the crashing thread ended within the SDK's flush").isFalse();
    Sentry.endSession();
    Sentry.flush(SDK_FLUSH_MS);

    assertThat(sent).as("events the SDK captured from the uncaught exception").hasSize(1);
    String eventId = sent.get(0);
    JsonNode event =
        Awaits.INGESTED
            .alias("crash " + eventId + " sent by the SDK is readable")
            .failFast("the candidate container stopped", () -> !candidate.isRunning())
            .until(() -> api.get(eventPath(eventId)), answer -> answer.status() == 200)
            .json();
    assertThat(event.path("crash").asBoolean()).as("mechanism.handled=false: a crash").isTrue();
    assertThat(event.path("release").asText()).isEqualTo(release);
    assertThat(event.path("environment").asText()).isEqualTo("beta");
    assertThat(event.path("body").toString())
        .as("the e-mail in the exception message is scrubbed")
        .contains("[email]")
        .doesNotContain("tess.tester@example.com");

    JsonNode signature =
        api.read(projectPath() + "/signatures/" + event.path("signature").asText());
    assertThat(signature.path("title").asText())
        .contains("IllegalStateException")
        .contains("Checkout.pay");
    assertThat(signature.path("firstRelease").asText()).isEqualTo(release);

    JsonNode sessions =
        Awaits.INGESTED
            .alias("the crashed session of " + release)
            .until(sessionsOf(release), counts -> counts.path("crashed").asLong() == 1);
    assertThat(sessions.path("total").asLong()).as("sessions of %s: %s", release, sessions).isOne();
  }

  @Test
  @Story("Sessions the SDK starts and ends are counted per release")
  void sessions_startedAndEndedByTheSdk_areCountedPerRelease() {
    String release = "sdk-shop@1.1.0";
    initSdk(release);

    for (int i = 0; i < 3; i++) {
      Sentry.startSession();
      Sentry.endSession();
    }
    Sentry.flush(SDK_FLUSH_MS);

    JsonNode counts =
        Awaits.INGESTED
            .alias("three ended sessions of " + release)
            .until(sessionsOf(release), c -> c.path("exited").asLong() == 3);
    assertThat(counts.path("total").asLong())
        .as("sessions of %s: %s", release, counts)
        .isEqualTo(3);
    assertThat(counts.path("crashed").asLong()).isZero();
    assertThat(counts.path("environment").asText()).isEqualTo("beta");
    assertThat(sent).as("no events were captured").isEmpty();
  }

  @Test
  @Story("Feedback the SDK sends about an event is linked to it")
  void feedback_aboutACapturedError_isLinkedToTheEvent() {
    String release = "sdk-shop@1.2.0";
    initSdk(release);

    SentryId errorId = Sentry.captureException(new IllegalArgumentException("coupon expired"));
    Feedback feedback = new Feedback("The coupon field ate my code; mail me at tess@example.com");
    feedback.setName("Tess Tester");
    feedback.setAssociatedEventId(errorId);
    Sentry.captureFeedback(feedback);
    Sentry.flush(SDK_FLUSH_MS);

    String eventId = errorId.toString();
    JsonNode event =
        Awaits.INGESTED
            .alias("feedback on event " + eventId)
            .until(
                () -> api.get(eventPath(eventId)),
                answer -> answer.status() == 200 && answer.json().path("feedback").size() == 1)
            .json();
    assertThat(event.path("crash").asBoolean()).as("a captured, handled error").isFalse();
    JsonNode stored = event.path("feedback").get(0);
    assertThat(stored.path("message").asText())
        .isEqualTo("The coupon field ate my code; mail me at [email]");
    assertThat(stored.path("name").asText()).isEqualTo("Tess Tester");
    JsonNode listed = api.read(projectPath() + "/feedback?eventId=" + eventId).path("items");
    assertThat(listed).as("feedback listed for event %s", eventId).hasSize(1);
  }

  // --- the app ---

  /** The app under beta: its checkout fails with the user's e-mail in the message. */
  private static final class Checkout {
    void pay(String email) {
      throw new IllegalStateException("card declined for " + email);
    }
  }

  private void initSdk(String release) {
    Sentry.init(
        options -> {
          options.setDsn(candidate.dsn(project.publicKey(), project.id()));
          options.setRelease(release);
          options.setEnvironment("beta");
          options.setFlushTimeoutMillis(SDK_FLUSH_MS);
          options.setShutdownTimeoutMillis(SDK_FLUSH_MS);
          options.setPrintUncaughtStackTrace(false);
          options.setBeforeSend(
              (event, hint) -> {
                sent.add(event.getEventId().toString());
                return event;
              });
        });
  }

  // --- reading ---

  private static String projectPath() {
    return "/api/v1/projects/" + project.id();
  }

  private static String eventPath(String eventId) {
    return projectPath() + "/events/" + eventId;
  }

  /** The session counts of one release (an empty object until there are any). */
  private static Callable<JsonNode> sessionsOf(String release) {
    return () -> {
      JsonNode releases = api.read(projectPath() + "/sessions?release=" + release).path("releases");
      return releases.size() == 1 ? releases.get(0) : MissingNode.getInstance();
    };
  }
}
