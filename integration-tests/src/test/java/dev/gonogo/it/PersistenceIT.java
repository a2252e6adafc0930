package dev.gonogo.it;

import static dev.gonogo.it.support.Envelopes.crash;
import static dev.gonogo.it.support.Envelopes.envelope;
import static dev.gonogo.it.support.Envelopes.newEventId;
import static dev.gonogo.it.support.Envelopes.session;
import static dev.gonogo.it.support.Envelopes.userReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gonogo.it.containers.BetaFeedbackContainer;
import dev.gonogo.it.containers.Databases;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.CandidateApi;
import dev.gonogo.it.support.CandidateApi.Answer;
import dev.gonogo.it.support.CandidateApi.Project;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database outlives the container: what one candidate container acknowledged, the next one on
 * the same database serves, whether the first stopped cleanly or was killed, and a database left at
 * an older schema version is migrated forward without losing what it held.
 *
 * <p>On the upgrade: no earlier release of beta-feedback exists as an image, and one cannot be
 * built offline from an older commit cheaply. What a previous release leaves behind is a database
 * at its schema version with its rows, so the test produces exactly that: the candidate's own
 * migration scripts applied by Flyway up to version 1 (the schema of the release before ingestion;
 * its script is unchanged since it was first committed), and the rows a release at that version
 * writes (projects with their keys). Then the candidate container starts on it.
 */
@Epic("Release candidate")
@Feature("Persistence across restart and upgrade")
@ExtendWith(ContainerLogsOnFailure.class)
class PersistenceIT {
  private static final String OLDER_SCHEMA_VERSION = "1";

  private final PostgreSQLContainer postgres = SharedContainers.postgres();
  private final List<BetaFeedbackContainer> started = new ArrayList<>();

  @AfterEach
  void stopTheCandidates() {
    started.forEach(SharedContainers::stop);
  }

  @Test
  @Story("Everything acknowledged survives kill -9 of the container; the next one serves it")
  void acknowledgedData_survivesAKilledContainer_andANewContainerOnTheSameDatabaseServesIt()
      throws Exception {
    String database = Databases.create(postgres, "restart");
    BetaFeedbackContainer first = candidateOn(database);
    CandidateApi before = CandidateApi.of(first);
    String adminToken = first.adminToken();
    Project project = before.createProject("restart");
    String release = "restart-app@2.0.0";

    Set<String> acknowledged = new LinkedHashSet<>();
    for (int i = 0; i < 30; i++) {
      String id = newEventId();
      Answer answer =
          before.envelope(
              project.id(),
              project.publicKey(),
              envelope(
                  id,
                  crash(id, release, i % 2 == 0 ? "pay" : "ship", "failure " + i),
                  session(UUID.randomUUID().toString(), release, "crashed", true)));
      assertThat(answer.status()).as("envelope %d of 30 answered %s", i, answer).isEqualTo(200);
      acknowledged.add(answer.json().path("id").asText());
    }
    List<String> firstThree = new ArrayList<>(acknowledged).subList(0, 3);
    for (String id : firstThree) {
      Answer answer =
          before.envelope(
              project.id(), project.publicKey(), envelope(id, userReport(id, "lost my cart")));
      assertThat(answer.status()).as("user report on %s answered %s", id, answer).isEqualTo(200);
    }
    JsonNode storedBefore = before.stored(project.id());
    List<Migration> historyBefore = history(database);

    DockerClientFactory.instance().client().killContainerCmd(first.getContainerId()).exec();
    started.remove(first);
    SharedContainers.stop(first);
    BetaFeedbackContainer second = candidateOn(database);
    CandidateApi after = CandidateApi.of(second);

    assertThat(second.adminToken())
        .as("the generated admin token is kept in the database, not in the container")
        .isEqualTo(adminToken);
    assertThat(after.eventIds(project.id()))
        .as("events readable after the first container was killed")
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(after.stored(project.id()))
        .as("rows per kind before the kill: %s", storedBefore)
        .isEqualTo(storedBefore);
    JsonNode sessions =
        after.read("/api/v1/projects/" + project.id() + "/sessions?release=" + release);
    assertThat(sessions.path("releases").get(0).path("crashed").asLong())
        .as("crashed sessions of %s: %s", release, sessions)
        .isEqualTo(30);
    assertThat(after.read("/api/v1/projects/" + project.id() + "/feedback").path("items"))
        .as("user reports")
        .hasSize(3);
    assertThat(history(database))
        .as("the second container found the schema current and migrated nothing again")
        .isEqualTo(historyBefore);

    String late = newEventId();
    Answer stillWrites =
        after.envelope(
            project.id(), project.publicKey(), envelope(late, crash(late, release, "pay", "x")));
    assertThat(stillWrites.status())
        .as("ingest on the second container: %s", stillWrites)
        .isEqualTo(200);
  }

  @Test
  @Story("A database at an older schema version is migrated; its projects and keys keep working")
  void databaseAtAnOlderSchemaVersion_isMigratedByTheCandidate_keepingItsProjectsAndKeys()
      throws Exception {
    String database = Databases.create(postgres, "upgrade");
    Flyway.configure()
        .dataSource(
            Databases.jdbcUrl(postgres, database), postgres.getUsername(), postgres.getPassword())
        .locations("classpath:db/migration/postgresql")
        .target(OLDER_SCHEMA_VERSION)
        .load()
        .migrate();
    Project legacyDefault = new Project("1", publicKey('a'), "default");
    Project legacyApp = new Project("7", publicKey('b'), "legacy-app");
    insertProjects(database, legacyDefault, legacyApp);
    List<Migration> older = history(database);
    assertThat(older)
        .as("the database before the upgrade")
        .extracting(Migration::version)
        .containsExactly(OLDER_SCHEMA_VERSION);

    BetaFeedbackContainer candidate = candidateOn(database);
    CandidateApi api = CandidateApi.of(candidate);

    List<Migration> upgraded = history(database);
    Allure.addAttachment("flyway_schema_history after the upgrade", upgraded.toString());
    assertThat(upgraded.get(0))
        .as("the older release's migration is left as it was applied")
        .isEqualTo(older.get(0));
    assertThat(upgraded)
        .as("every migration applied successfully, in order: %s", upgraded)
        .allMatch(Migration::success)
        .extracting(Migration::version)
        .contains("2")
        .isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    String latest = upgraded.get(upgraded.size() - 1).version();
    assertThat(api.getPublic("/ready", Duration.ofSeconds(5)).json().path("schemaVersion").asText())
        .as("/ready reports the schema version the candidate migrated to")
        .isEqualTo(latest);

    JsonNode projects = api.read("/api/v1/projects").path("projects");
    assertThat(projects).as("projects after the upgrade: %s", projects).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Project expected = i == 0 ? legacyDefault : legacyApp;
      assertThat(projects.get(i).path("id").asText()).isEqualTo(expected.id());
      assertThat(projects.get(i).path("publicKey").asText())
          .as("the key, so every DSN handed out before the upgrade still works")
          .isEqualTo(expected.publicKey());
    }

    String id = newEventId();
    Answer sent =
        api.envelope(
            legacyApp.id(),
            legacyApp.publicKey(),
            envelope(id, crash(id, "legacy-app@0.9.0", "pay", "after the upgrade")));
    assertThat(sent.status()).as("ingest with a pre-upgrade key: %s", sent).isEqualTo(200);
    assertThat(api.eventIds(legacyApp.id())).containsExactly(id);
    assertThat(api.createProject("after-upgrade").id())
        .as("new project ids continue after the old ones")
        .isEqualTo("8");
  }

  // --- plumbing ---

  private BetaFeedbackContainer candidateOn(String database) {
    BetaFeedbackContainer candidate =
        SharedContainers.started(
            new BetaFeedbackContainer()
                .withDatabase(postgres, SharedContainers.POSTGRES_ALIAS, database));
    started.add(candidate);
    return candidate;
  }

  /** One row of Flyway's schema history. */
  private record Migration(
      int rank,
      String version,
      String script,
      Integer checksum,
      String installedOn,
      boolean success) {}

  private List<Migration> history(String database) throws SQLException {
    List<Migration> rows = new ArrayList<>();
    try (Connection c = Databases.connect(postgres, database);
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT installed_rank, version, script, checksum, installed_on::text, success"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
      while (r.next()) {
        rows.add(
            new Migration(
                r.getInt(1),
                r.getString(2),
                r.getString(3),
                (Integer) r.getObject(4),
                r.getString(5),
                r.getBoolean(6)));
      }
    }
    return rows;
  }

  /** The rows a release at schema version 1 writes: its projects. */
  private void insertProjects(String database, Project... projects) throws SQLException {
    try (Connection c = Databases.connect(postgres, database);
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO project (id, name, public_key, created_at) VALUES (?, ?, ?, ?)")) {
      for (Project p : projects) {
        s.setString(1, p.id());
        s.setString(2, p.name());
        s.setString(3, p.publicKey());
        s.setLong(4, 1_700_000_000_000L);
        s.executeUpdate();
      }
    }
  }

  /** A public key as the service makes them: 32 lowercase hex digits. */
  private static String publicKey(char digit) {
    return String.valueOf(digit).repeat(32);
  }
}
