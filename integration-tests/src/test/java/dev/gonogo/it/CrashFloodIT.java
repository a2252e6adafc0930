package dev.gonogo.it;

import static dev.gonogo.it.support.Envelopes.envelope;
import static dev.gonogo.it.support.Envelopes.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.Databases;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.Awaits;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Answer;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import dev.gonogo.it.support.IngestLoad;
import dev.gonogo.it.support.IngestLoad.Outcome;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A crash flood far above the configured rate: the candidate runs with a low per-project limit (set
 * through the environment, as an operator would), and 400 crashes arrive as fast as four clients
 * can send them. Past the limit each event is answered 429 with the headers the SDKs back off on,
 * counted but not stored; the session in the same envelope is stored all the same, and every
 * acknowledged event is stored.
 */
@Epic("Release candidate")
@Feature("Crash flood above the rate limit")
@ExtendWith(ContainerLogsOnFailure.class)
class CrashFloodIT {
  private static final int EVENTS_PER_SECOND = 5;
  private static final int BURST = 10;
  private static final int FLOOD = 400;
  private static final String RELEASE = "flood-app@4.0.0";

  private static BetaFeedbackContainer candidate;
  private static CandidateApi api;

  @BeforeAll
  static void candidateWithALowRateLimit() {
    PostgreSQLContainer postgres = SharedContainers.postgres();
    candidate =
        SharedContainers.started(
            new BetaFeedbackContainer()
                .withDatabase(
                    postgres, SharedContainers.POSTGRES_ALIAS, Databases.create(postgres, "flood"))
                .withSetting("gonogo.ratelimit.project.events-per-second", EVENTS_PER_SECOND)
                .withSetting("gonogo.ratelimit.project.burst", BURST)
                .withSetting("gonogo.ratelimit.release.events-per-second", 0));
    api = CandidateApi.of(candidate);
  }

  @AfterAll
  static void stop() {
    SharedContainers.stop(candidate);
  }

  @Test
  @Story(
      "Past the limit: 429 with Retry-After and X-Sentry-Rate-Limits, sessions still stored, nothing acknowledged lost")
  void crashFloodAboveTheRateLimit_is429WithBackOffHeaders_sessionsStored_acknowledgedStored() {
    Project project = api.createProject("flood");
    long start = System.nanoTime();
    List<Outcome> outcomes;
    try (IngestLoad flood =
        IngestLoad.start(api, project, RELEASE, 4, FLOOD, Duration.ofSeconds(10))) {
      Awaits.LOAD_PROGRESS.alias(FLOOD + " crashes sent").until(flood::finished);
      outcomes = flood.outcomes();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String sessionOnly = UUID.randomUUID().toString();
    Answer sessionWhileLimited =
        api.envelope(
            project.id(),
            project.publicKey(),
            envelope(null, session(sessionOnly, RELEASE, "exited", true)));

    List<Outcome> accepted = outcomes.stream().filter(Outcome::acknowledged).toList();
    List<Outcome> limited = outcomes.stream().filter(o -> o.status() == 429).toList();
    long allowed = BURST + Math.round(Math.ceil(seconds + 1) * EVENTS_PER_SECOND);
    Allure.addAttachment(
        "flood",
        String.format(
            "%d crashes in %.1f s: %d accepted (limit allows at most %d), %d answered 429",
            outcomes.size(), seconds, accepted.size(), allowed, limited.size()));

    assertThat(outcomes).as("answers to the flood").hasSize(FLOOD).noneMatch(Outcome::failed);
    assertThat(outcomes)
        .as("every answer is 200 or 429")
        .allMatch(o -> o.status() == 200 || o.status() == 429);
    assertThat(accepted.size())
        .as("accepted at %d/s, burst %d, over %.1f s", EVENTS_PER_SECOND, BURST, seconds)
        .isBetween(1, (int) allowed);
    assertThat(limited).as("answered 429").hasSizeGreaterThanOrEqualTo(FLOOD - (int) allowed);
    for (Outcome o : limited) {
      assertThat(o.code()).as("code of %s", o).isEqualTo("rate_limited");
      assertThat(o.answerId()).as("the refused event's id in the answer").isEqualTo(o.eventId());
      assertThat(o.retryAfter()).as("Retry-After of %s", o).matches("[1-9][0-9]*");
      assertThat(o.rateLimits())
          .as("X-Sentry-Rate-Limits of %s", o)
          .matches("[1-9][0-9]*:error:project:project_quota");
    }
    assertThat(sessionWhileLimited.status())
        .as("a session while events are limited: %s", sessionWhileLimited)
        .isEqualTo(200);

    String path = "/api/v1/projects/" + project.id();
    Set<String> acknowledged = accepted.stream().map(Outcome::eventId).collect(Collectors.toSet());
    assertThat(api.eventIds(project.id()))
        .as("stored events: every acknowledged one, none answered 429")
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    JsonNode signatures = api.read(path + "/signatures?release=" + RELEASE).path("items");
    assertThat(signatures).as("one crash, one signature: %s", signatures).hasSize(1);
    assertThat(signatures.get(0).path("events").asLong())
        .as("every crash is counted on its signature, stored or not")
        .isEqualTo(FLOOD);
    assertThat(signatures.get(0).path("droppedEvents").asLong()).isEqualTo(limited.size());
    JsonNode sessions = api.read(path + "/sessions?release=" + RELEASE).path("releases");
    assertThat(sessions.get(0).path("total").asLong())
        .as("sessions are never rate limited: one per envelope of the flood and one more")
        .isEqualTo(FLOOD + 1);
  }
}
