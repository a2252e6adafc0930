package dev.gonogo.feedback.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.durability.FeedbackApi.ProjectKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accepted data survives a restart, and a re-sent event id is stored once. The real service runs as
 * its own JVM over a SQLite file and is stopped with SIGTERM, so its shutdown hook closes the
 * server and the store; a new JVM then runs on the same file.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class GracefulRestartTest {
  private static final int CLIENTS = 8;
  private static final int ACKS_BEFORE_STOP = 200;
  private static final int MAX_REQUESTS = 5_000;
  private static final int SEQUENTIAL_ENVELOPES = 20;

  @TempDir Path dir;
  @RegisterExtension final ServiceProcesses services = new ServiceProcesses();

  /** What the clients saw of a service stopped with SIGTERM under load. */
  private record Stopped(
      ProjectKey project,
      Set<String> acknowledged,
      Map<String, SentEnvelope> sent,
      List<String> errorsWhileGoingDown,
      String traffic) {}

  @Test
  void sigtermMidIngest_everyAcknowledgedEventAndSessionIsStoredAfterRestart(TestReporter report)
      throws Exception {
    Path database = dir.resolve("data/feedback.db");
    Stopped stopped = sigtermUnderLoad(services.start("first", dir, database), report);

    ServiceProcess second = services.start("second", dir, database);
    AfterRestart.assertEveryAcknowledgedEnvelopeIsStored(
        second.api(),
        stopped.project(),
        new SqliteFile(database),
        stopped.acknowledged(),
        stopped.sent(),
        stopped.traffic());
  }

  @Test
  void sigtermMidIngest_requestsInFlightAreAnswered200Or503_neverAServerError(TestReporter report)
      throws Exception {
    Stopped stopped =
        sigtermUnderLoad(services.start("first", dir, dir.resolve("data/feedback.db")), report);

    assertThat(stopped.errorsWhileGoingDown())
        .as(
            "answers other than 200 {\"id\"} or 503 + Retry-After to requests in flight during the"
                + " SIGTERM shutdown (%s)",
            stopped.traffic())
        .isEmpty();
  }

  @Test
  void resentEventId_afterRestart_isAnswered200WithTheSameId_andStoredOnce() throws Exception {
    Path database = dir.resolve("data/feedback.db");
    ServiceProcess first = services.start("first", dir, database);
    ProjectKey project = first.api().defaultProject();
    Map<String, SentEnvelope> sent = new LinkedHashMap<>();
    for (int i = 0; i < SEQUENTIAL_ENVELOPES; i++) {
      SentEnvelope envelope = SentEnvelope.crashWithSession(0, i % 2 == 0);
      sent.put(envelope.eventId(), envelope);
    }
    AfterRestart.assertResentAreAcknowledgedWithTheirIds(first.api(), project, sent.values());
    assertThat(first.terminate())
        .as("exit value of %s", first)
        .isEqualTo(ServiceProcess.EXITED_ON_SIGTERM);

    ServiceProcess second = services.start("second", dir, database);
    SqliteFile file = new SqliteFile(database);
    AfterRestart.assertEveryAcknowledgedEnvelopeIsStored(
        second.api(), project, file, sent.keySet(), sent, "sent one by one, all acknowledged");
    Map<String, Long> before = second.api().stored(project);
    assertThat(before)
        .containsEntry("event", (long) SEQUENTIAL_ENVELOPES)
        .containsEntry("session", (long) SEQUENTIAL_ENVELOPES);

    AfterRestart.assertResentAreAcknowledgedWithTheirIds(second.api(), project, sent.values());

    assertThat(second.api().stored(project))
        .as("stats after re-sending all %d envelopes to the restarted service", sent.size())
        .isEqualTo(before);
    assertThat(file.eventIds(project.id())).isEqualTo(sent.keySet());
  }

  /**
   * Concurrent clients until {@value #ACKS_BEFORE_STOP} acks, then SIGTERM with requests in flight.
   */
  private static Stopped sigtermUnderLoad(ServiceProcess service, TestReporter report)
      throws Exception {
    ProjectKey project = service.api().defaultProject();
    try (IngestTraffic clients =
        IngestTraffic.start(service.api(), project, CLIENTS, MAX_REQUESTS)) {
      Awaits.ACKNOWLEDGED
          .alias(ACKS_BEFORE_STOP + " envelopes acknowledged by " + service)
          .failFast(() -> assertThat(clients.unexpected()).as("unexpected answers").isEmpty())
          .until(() -> clients.acknowledged().size() >= ACKS_BEFORE_STOP);

      clients.serviceGoingDown();
      int exit = service.terminate();
      clients.awaitStopped();

      String traffic = clients.toString();
      report.publishEntry("traffic", traffic);
      assertThat(exit).as("exit value of %s", service).isEqualTo(ServiceProcess.EXITED_ON_SIGTERM);
      assertThat(clients.unexpected()).as("unexpected answers (%s)", traffic).isEmpty();
      return new Stopped(
          project, clients.acknowledged(), clients.sent(), clients.errorsWhileGoingDown(), traffic);
    }
  }
}
