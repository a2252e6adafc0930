package dev.gonogo.feedback.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.durability.FeedbackApi.ProjectKey;
import java.nio.file.Path;
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
 * Accepted data survives a {@code kill -9} mid-ingest. The real service runs as its own JVM over a
 * SQLite file; concurrent clients send crash envelopes (an event and its session each, half of them
 * gzipped); once {@value #ACKS_BEFORE_KILL} are acknowledged the JVM gets SIGKILL while requests
 * are in flight, so no shutdown hook, no drain, no final commit runs. A new JVM on the same file
 * must then hold everything that was answered 200.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class KillMidIngestTest {
  private static final int CLIENTS = 8;
  private static final int ACKS_BEFORE_KILL = 300;
  private static final int MAX_REQUESTS = 5_000;

  @TempDir Path dir;
  @RegisterExtension final ServiceProcesses services = new ServiceProcesses();

  @Test
  void sigkillMidIngest_everyAcknowledgedEventAndSessionIsStoredAfterRestart(TestReporter report)
      throws Exception {
    Path database = dir.resolve("data/feedback.db");
    ServiceProcess first = services.start("first", dir, database);
    ProjectKey project = first.api().defaultProject();

    Set<String> acknowledged;
    Map<String, SentEnvelope> sent;
    List<SentEnvelope> unacknowledged;
    String traffic;
    try (IngestTraffic clients = IngestTraffic.start(first.api(), project, CLIENTS, MAX_REQUESTS)) {
      Awaits.ACKNOWLEDGED
          .alias(ACKS_BEFORE_KILL + " envelopes acknowledged by " + first)
          .failFast(() -> assertThat(clients.unexpected()).as("unexpected answers").isEmpty())
          .until(() -> clients.acknowledged().size() >= ACKS_BEFORE_KILL);

      clients.serviceGoingDown();
      int exit = first.killDashNine();
      clients.awaitStopped();

      traffic = clients.toString();
      report.publishEntry("traffic", traffic);
      assertThat(exit).as("exit value of %s", first).isEqualTo(ServiceProcess.KILLED_BY_SIGKILL);
      assertThat(clients.unexpected()).as("unexpected answers (%s)", traffic).isEmpty();
      assertThat(clients.cutOff())
          .as("requests the kill cut off in flight, so it was mid-ingest (%s)", traffic)
          .isPositive();
      acknowledged = clients.acknowledged();
      sent = clients.sent();
      unacknowledged = clients.unacknowledged();
    }

    ServiceProcess second = services.start("second", dir, database);
    SqliteFile file = new SqliteFile(database);
    AfterRestart.assertEveryAcknowledgedEnvelopeIsStored(
        second.api(), project, file, acknowledged, sent, traffic);

    // What the kill cut off the SDK sends again: afterwards every envelope is stored exactly once.
    AfterRestart.assertResentAreAcknowledgedWithTheirIds(second.api(), project, unacknowledged);
    assertThat(second.api().stored(project))
        .as(
            "stats after re-sending the %d unacknowledged envelopes (%s)",
            unacknowledged.size(), traffic)
        .containsEntry("event", (long) sent.size())
        .containsEntry("session", (long) sent.size());
    assertThat(file.eventIds(project.id())).isEqualTo(sent.keySet());
    assertThat(file.sessionIds(project.id()))
        .isEqualTo(AfterRestart.sessionIds(sent.keySet(), sent));
  }
}
