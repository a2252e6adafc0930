package dev.gonogo.it;

import static dev.gonogo.it.support.Envelopes.crash;
import static dev.gonogo.it.support.Envelopes.envelope;
import static dev.gonogo.it.support.Envelopes.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Answer;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two projects on one candidate, created through the admin API: project A's key can neither write
 * to nor read project B, and the same event id in both is two events.
 */
@Epic("Release candidate")
@Feature("Project isolation")
@ExtendWith(ContainerLogsOnFailure.class)
class ProjectIsolationIT {
  private BetaFeedbackContainer candidate;
  private CandidateApi api;
  private Project a;
  private Project b;

  @BeforeEach
  void twoProjects() {
    candidate = SharedContainers.candidate();
    api = CandidateApi.of(candidate);
    a = api.createProject("isolation-a");
    b = api.createProject("isolation-b");
    assertThat(a.publicKey()).as("keys of two projects").isNotEqualTo(b.publicKey());
  }

  @Test
  @Story("Project A's key cannot write to project B, by header, query string or DSN")
  void keyOfProjectA_cannotWriteToProjectB() {
    String id = newEventId();
    byte[] event = envelope(id, crash(id, "iso@1.0", "pay", "from A"));

    Answer byHeader = api.envelope(b.id(), a.publicKey(), event);
    Answer byQuery =
        api.send(
            HttpRequest.newBuilder(
                    api.base().resolve("/api/" + b.id() + "/envelope/?sentry_key=" + a.publicKey()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)));
    String withDsnOfA =
        "{\"event_id\":\""
            + id
            + "\",\"dsn\":\""
            + candidate.dsn(a.publicKey(), a.id())
            + "\"}\n"
            + "{\"type\":\"event\"}\n"
            + "{\"message\":\"from A\"}\n";
    Answer byDsn =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/api/" + b.id() + "/envelope/"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(withDsnOfA, StandardCharsets.UTF_8)));

    assertThat(byHeader.status()).as("A's key in X-Sentry-Auth to B: %s", byHeader).isEqualTo(403);
    assertThat(byHeader.code()).isEqualTo("unknown_key");
    assertThat(byQuery.status()).as("A's key as ?sentry_key= to B: %s", byQuery).isEqualTo(403);
    assertThat(byQuery.code()).isEqualTo("unknown_key");
    assertThat(byDsn.status()).as("an envelope with A's DSN posted to B: %s", byDsn).isEqualTo(403);
    assertThat(byDsn.code()).isEqualTo("project_mismatch");
    assertThat(api.eventIds(b.id())).as("events of B").isEmpty();
    assertThat(api.stored(b.id()).path("event").asLong()).isZero();
    assertThat(api.eventIds(a.id())).as("events of A: none was sent with A's URL").isEmpty();
  }

  @Test
  @Story("Project A's key cannot read project B (nor A: reading needs the admin token)")
  void keyOfProjectA_cannotReadProjectB() {
    String id = newEventId();
    Answer inB =
        api.envelope(b.id(), b.publicKey(), envelope(id, crash(id, "iso@1.0", "pay", "B")));
    assertThat(inB.status()).as("B's own event: %s", inB).isEqualTo(200);

    String eventOfB = "/api/v1/projects/" + b.id() + "/events/" + id;
    Answer asBearer =
        api.send(
            HttpRequest.newBuilder(api.base().resolve(eventOfB))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + a.publicKey()));
    Answer asSentryAuth =
        api.send(
            HttpRequest.newBuilder(api.base().resolve(eventOfB))
                .timeout(Duration.ofSeconds(10))
                .header(
                    "X-Sentry-Auth", "Sentry sentry_key=" + a.publicKey() + ", sentry_version=7"));
    Answer listAsBearer =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/api/v1/projects"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + a.publicKey()));

    assertThat(asBearer.status()).as("A's key as a bearer token: %s", asBearer).isEqualTo(403);
    assertThat(asBearer.code()).isEqualTo("invalid_admin_token");
    assertThat(asSentryAuth.status())
        .as("A's key in X-Sentry-Auth: %s", asSentryAuth)
        .isEqualTo(401);
    assertThat(asSentryAuth.code()).isEqualTo("missing_admin_token");
    assertThat(listAsBearer.status())
        .as("A's key cannot list projects (and their keys): %s", listAsBearer)
        .isEqualTo(403);
    assertThat(api.get(eventOfB).status()).as("the admin token reads it").isEqualTo(200);
  }

  @Test
  @Story("The same event id sent to A and to B is two events, each read only in its project")
  void sameEventId_inTwoProjects_isTwoEvents_eachOnlyInItsProject() {
    String id = newEventId();
    String onlyInA = newEventId();
    assertThat(
            api.envelope(a.id(), a.publicKey(), envelope(id, crash(id, "iso@2.0", "pay", "in A")))
                .status())
        .isEqualTo(200);
    assertThat(
            api.envelope(b.id(), b.publicKey(), envelope(id, crash(id, "iso@2.0", "ship", "in B")))
                .status())
        .as("a re-sent id is deduplicated per project, not across projects")
        .isEqualTo(200);
    assertThat(
            api.envelope(
                    a.id(), a.publicKey(), envelope(onlyInA, crash(onlyInA, "iso@2.0", "pay", "A")))
                .status())
        .isEqualTo(200);

    JsonNode inA = api.read("/api/v1/projects/" + a.id() + "/events/" + id);
    JsonNode inB = api.read("/api/v1/projects/" + b.id() + "/events/" + id);
    assertThat(inA.path("body").toString()).contains("in A").doesNotContain("in B");
    assertThat(inB.path("body").toString()).contains("in B").doesNotContain("in A");
    assertThat(api.eventIds(a.id())).containsExactlyInAnyOrder(id, onlyInA);
    assertThat(api.eventIds(b.id())).containsExactly(id);
    Answer crossRead = api.get("/api/v1/projects/" + b.id() + "/events/" + onlyInA);
    assertThat(crossRead.status()).as("A's event under B: %s", crossRead).isEqualTo(404);
    assertThat(crossRead.code()).isEqualTo("unknown_event");
    JsonNode signaturesOfB = api.read("/api/v1/projects/" + b.id() + "/signatures").path("items");
    assertThat(signaturesOfB).as("B's signatures: only its own crash").hasSize(1);
    Answer signatureOfAUnderB =
        api.get("/api/v1/projects/" + b.id() + "/signatures/" + inA.path("signature").asText());
    assertThat(signatureOfAUnderB.status())
        .as("A's signature under B: %s", signatureOfAUnderB)
        .isEqualTo(404);
    assertThat(signatureOfAUnderB.code()).isEqualTo("unknown_signature");
  }
}
