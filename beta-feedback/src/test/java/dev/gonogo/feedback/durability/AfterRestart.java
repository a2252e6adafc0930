package dev.gonogo.feedback.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.durability.FeedbackApi.ProjectKey;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What must hold once a stopped service runs again on the same database. */
final class AfterRestart {
  private AfterRestart() {}

  /**
   * Every acknowledged envelope's event can be read back and its session is stored; nothing is
   * stored that was not sent; the file passes {@code PRAGMA integrity_check}.
   */
  static void assertEveryAcknowledgedEnvelopeIsStored(
      FeedbackApi api,
      ProjectKey project,
      SqliteFile database,
      Set<String> acknowledged,
      Map<String, SentEnvelope> sent,
      String traffic)
      throws IOException, InterruptedException, SQLException {
    assertThat(acknowledged)
        .as("envelopes acknowledged before the stop (%s); none means nothing was tested", traffic)
        .isNotEmpty();

    List<String> notReadable = new ArrayList<>();
    for (String eventId : acknowledged) {
      if (api.eventStatus(project, eventId) != 200) {
        notReadable.add(eventId);
      }
    }
    assertThat(notReadable)
        .as(
            "acknowledged events that GET %s/api/v1/projects/%s/events/<id> does not find after"
                + " the restart (%s)",
            api.base(), project.id(), traffic)
        .isEmpty();

    Map<String, Long> stored = api.stored(project);
    assertThat(stored.get("event"))
        .as("stats: stored events, between acknowledged and sent (%s)", traffic)
        .isBetween((long) acknowledged.size(), (long) sent.size());
    assertThat(stored.get("session"))
        .as("stats: stored sessions, between acknowledged and sent (%s)", traffic)
        .isBetween((long) acknowledged.size(), (long) sent.size());

    assertThat(database.integrityCheck())
        .as("PRAGMA integrity_check of %s after the restart", database)
        .containsExactly("ok");
    Set<String> eventIds = database.eventIds(project.id());
    assertThat(eventIds)
        .as("event ids in the event table of %s (%s)", database, traffic)
        .containsAll(acknowledged)
        .allMatch(sent::containsKey, "was sent by a client");
    assertThat(database.sessionIds(project.id()))
        .as("session ids in the session table of %s (%s)", database, traffic)
        .containsAll(sessionIds(acknowledged, sent));
  }

  /**
   * Sends the envelopes again, as an SDK sends what it has not seen acknowledged: each is answered
   * 200 with its own event id.
   */
  static void assertResentAreAcknowledgedWithTheirIds(
      FeedbackApi api, ProjectKey project, Collection<SentEnvelope> envelopes)
      throws IOException, InterruptedException {
    List<String> wrong = new ArrayList<>();
    for (SentEnvelope envelope : envelopes) {
      HttpResponse<String> response = api.postEnvelope(project, envelope);
      if (response.statusCode() != 200
          || !envelope.eventId().equals(FeedbackApi.answeredId(response))) {
        wrong.add(envelope.eventId() + " -> " + response.statusCode() + " " + response.body());
      }
    }
    assertThat(wrong).as("re-sent envelopes not answered 200 {\"id\": <their event id>}").isEmpty();
  }

  static Set<String> sessionIds(Collection<String> eventIds, Map<String, SentEnvelope> sent) {
    return eventIds.stream()
        .map(id -> sent.get(id).sessionId().toString())
        .collect(Collectors.toSet());
  }
}
