package dev.gonogo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.Databases;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.Awaits;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import dev.gonogo.it.support.IngestLoad;
import dev.gonogo.it.support.IngestLoad.Outcome;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database stops answering for 30 s in the middle of sustained ingest: its container is paused,
 * so open connections hang rather than fail (the nastier case). The candidate must keep answering
 * every request promptly (503 with Retry-After, never a hung request: each is bounded by a client
 * timeout), come back by itself, and have stored every event and session it acknowledged. This
 * suite pauses a PostgreSQL of its own, not the shared one.
 */
@Epic("Release candidate")
@Feature("PostgreSQL outage")
@ExtendWith(ContainerLogsOnFailure.class)
class DatabaseOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final long ACK_TIMEOUT_MS = 2_000;

  /** The longest an answer may take: the ack timeout and a margin for a loaded machine. */
  private static final Duration PROMPT = Duration.ofMillis(ACK_TIMEOUT_MS + 2_500);

  /** Client timeout of every request: past it the request counts as hung. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(8);

  private static final String DATABASE_ALIAS = "outage-postgres";
  private static PostgreSQLContainer postgres;
  private static BetaFeedbackContainer candidate;
  private static CandidateApi api;
  private static String database;

  @BeforeAll
  static void candidateOnADatabaseOfItsOwn() {
    postgres = SharedContainers.ownPostgres(DATABASE_ALIAS);
    database = Databases.create(postgres, "outage");
    candidate =
        SharedContainers.started(
            new BetaFeedbackContainer()
                .withDatabase(postgres, DATABASE_ALIAS, database)
                .withSetting("gonogo.ingest.ack-timeout-ms", ACK_TIMEOUT_MS)
                .withSetting("gonogo.store.connection-timeout-ms", 1_000));
    api = CandidateApi.of(candidate);
  }

  @AfterAll
  static void stop() {
    SharedContainers.stop(candidate);
    SharedContainers.stop(postgres);
  }

  @Test
  @Story(
      "30 s without the database during ingest: prompt 503s, recovery by itself, nothing acknowledged lost")
  void databasePausedFor30s_duringIngest_answersPromptly_recovers_andLosesNothingAcknowledged()
      throws Exception {
    Project project = api.createProject("outage");
    DockerClient docker = DockerClientFactory.instance().client();
    long pausedAt;
    long resumedAt;
    List<Outcome> outcomes;
    try (IngestLoad load =
        IngestLoad.start(api, project, "outage-app@3.0.0", 2, Integer.MAX_VALUE, CLIENT_TIMEOUT)) {
      Awaits.LOAD_PROGRESS
          .alias("20 events acknowledged before the outage")
          .until(() -> load.count(Outcome::acknowledged) >= 20);

      long pauseRequested = System.nanoTime();
      docker.pauseContainerCmd(postgres.getContainerId()).exec();
      // Requests sent from here until the unpause is requested find PostgreSQL frozen.
      pausedAt = System.nanoTime();
      try {
        Awaits.OUTAGE_NOTICED
            .alias("/ready answers 503 store_unavailable while PostgreSQL is paused")
            .until(() -> api.getPublic("/ready", CLIENT_TIMEOUT).status() == 503);
        Awaits.throughout(
                "alive (/health 200) and every ingest request answered while PostgreSQL is paused",
                OUTAGE.minusNanos(System.nanoTime() - pauseRequested))
            .failFast(
                "a request hung past its client timeout", () -> load.count(Outcome::failed) > 0)
            .until(() -> api.getPublic("/health", PROMPT).status() == 200);
      } finally {
        resumedAt = System.nanoTime();
        docker.unpauseContainerCmd(postgres.getContainerId()).exec();
      }
      Allure.addAttachment(
          "outage",
          "PostgreSQL paused for "
              + Duration.ofNanos(resumedAt - pauseRequested).toMillis()
              + " ms");

      Awaits.RECOVERED
          .alias(
              "/ready 200 and 20 events acknowledged after PostgreSQL is back, without a restart")
          .failFast("the candidate container stopped", () -> !candidate.isRunning())
          .until(
              () ->
                  api.getPublic("/ready", CLIENT_TIMEOUT).status() == 200
                      && load.count(o -> o.acknowledged() && o.startedNanos() > resumedAt) >= 20);
      load.stop();
      outcomes = load.outcomes();
    }
    Allure.addAttachment("answers by status and code", summary(outcomes));

    assertThat(outcomes)
        .as("requests without an answer within the client timeout of %s", CLIENT_TIMEOUT)
        .filteredOn(Outcome::failed)
        .isEmpty();
    assertThat(outcomes)
        .as("answers slower than %s (the ack timeout %s ms and a margin)", PROMPT, ACK_TIMEOUT_MS)
        .filteredOn(o -> o.took().compareTo(PROMPT) > 0)
        .isEmpty();
    assertThat(outcomes)
        .as("every answer is 200, 503 or 429")
        .allMatch(o -> o.status() == 200 || o.status() == 503 || o.status() == 429);
    List<Outcome> duringOutage =
        outcomes.stream()
            .filter(o -> o.startedNanos() > pausedAt && o.endedNanos() < resumedAt)
            .toList();
    assertThat(duringOutage)
        .as("answers to requests sent while PostgreSQL was paused: %s", summary(duringOutage))
        .isNotEmpty()
        .allMatch(o -> o.status() == 503, "503")
        .allMatch(o -> o.retryAfter() != null, "with Retry-After")
        .anyMatch(o -> o.code().equals("store_unavailable"));

    Set<String> acknowledgedEvents = ids(outcomes, Outcome::eventId);
    Set<String> acknowledgedSessions = ids(outcomes, Outcome::sid);
    assertThat(acknowledgedEvents).as("acknowledged events").hasSizeGreaterThanOrEqualTo(40);
    Set<String> storedEvents = api.eventIds(project.id());
    assertThat(storedEvents)
        .as(
            "stored events contain every acknowledged one (%d acknowledged)",
            acknowledgedEvents.size())
        .containsAll(acknowledgedEvents);
    assertThat(storedSessions(acknowledgedSessions))
        .as("stored sessions contain every acknowledged one")
        .containsExactlyInAnyOrderElementsOf(acknowledgedSessions);
    Allure.addAttachment(
        "acknowledged vs stored",
        "events acknowledged "
            + acknowledgedEvents.size()
            + ", stored "
            + storedEvents.size()
            + " (a 503 after the ack timeout may still commit later)");
  }

  private static Set<String> ids(
      List<Outcome> outcomes, java.util.function.Function<Outcome, String> id) {
    return outcomes.stream()
        .filter(Outcome::acknowledged)
        .map(id)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** Which of these session ids have a row, read with SQL: the read API only shows counts. */
  private static Set<String> storedSessions(Set<String> sids) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Connection c = Databases.connect(postgres, database);
        PreparedStatement s = c.prepareStatement("SELECT sid FROM session WHERE sid = ANY (?)")) {
      Array array = c.createArrayOf("text", sids.toArray());
      s.setArray(1, array);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          stored.add(r.getString(1));
        }
      }
    }
    return stored;
  }

  private static String summary(List<Outcome> outcomes) {
    Map<String, Long> byAnswer =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.failed() ? "no answer" : o.status() + " " + o.code(),
                    TreeMap::new,
                    Collectors.counting()));
    long slowest = outcomes.stream().mapToLong(o -> o.took().toMillis()).max().orElse(0);
    return byAnswer + ", slowest " + slowest + " ms, " + outcomes.size() + " requests";
  }
}
