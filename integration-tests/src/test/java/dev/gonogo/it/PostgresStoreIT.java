package dev.gonogo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.project.Project;
import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.store.GroupCommitWriter;
import dev.gonogo.feedback.store.Records.DroppedEvent;
import dev.gonogo.feedback.store.Records.SessionUpdate;
import dev.gonogo.feedback.store.Records.StoredEvent;
import dev.gonogo.feedback.store.Store;
import dev.gonogo.it.containers.SharedContainers;
import dev.gonogo.it.support.ContainerLogsOnFailure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The candidate's write path on a real PostgreSQL: same semantics as on the embedded SQLite. */
@Epic("beta-feedback")
@Feature("PostgreSQL store")
@ExtendWith(ContainerLogsOnFailure.class)
class PostgresStoreIT {
  private static Store store;
  private static GroupCommitWriter writer;
  private static Project project;

  @BeforeAll
  static void open() {
    PostgreSQLContainer postgres = SharedContainers.postgres();
    store =
        Store.open(
            new Config.Store(
                postgres.getJdbcUrl(),
                Optional.of(postgres.getUsername()),
                Optional.of(postgres.getPassword()),
                4,
                3000));
    project = new Projects(store.dataSource(), Clock.systemUTC()).create("store-it");
    writer = new GroupCommitWriter(store.dataSource(), 64, 16);
  }

  @AfterAll
  static void close() {
    writer.close();
    store.close();
  }

  private static StoredEvent event(String id, String fingerprint) {
    return new StoredEvent(
        project.id(),
        id,
        1000,
        900,
        "2.0.0",
        "beta",
        "java",
        "fatal",
        true,
        fingerprint,
        "java.lang.IllegalStateException: at a.B.c",
        null,
        "{\"k\":1}");
  }

  private static SessionUpdate session(String sid, String status, long seq) {
    return new SessionUpdate(
        project.id(), sid, "d", "2.0.0", "beta", status, 0, seq, seq == 1, 100, 5000L, 1000 + seq);
  }

  private static long count(String sql, String arg) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void reSentEvent_isStoredOnce_andDroppedOnesOnlyCounted() throws Exception {
    assertThat(writer.submit(List.of(event("pg-e1", "pg-f1"))).get()).containsExactly(true);
    assertThat(writer.submit(List.of(event("pg-e1", "pg-f1"))).get()).containsExactly(false);
    writer
        .submit(
            List.of(
                new DroppedEvent(
                    project.id(), "pg-e-dropped", "pg-f1", "t", "2.0.0", "beta", 3000)))
        .get();

    assertThat(count("SELECT count(*) FROM event WHERE fingerprint = ?", "pg-f1")).isEqualTo(1);
    assertThat(count("SELECT events FROM signature_release WHERE fingerprint = ?", "pg-f1"))
        .isEqualTo(2);
    assertThat(count("SELECT dropped_events FROM signature_release WHERE fingerprint = ?", "pg-f1"))
        .isEqualTo(1);
  }

  @Test
  void sessionUpdates_mergeWithTheSameRulesAsOnSqlite() throws Exception {
    writer.submit(List.of(session("pg-s1", "ok", 1))).get();
    writer.submit(List.of(session("pg-s1", "crashed", 3))).get();
    writer.submit(List.of(session("pg-s1", "exited", 4))).get();
    writer.submit(List.of(session("pg-s1", "ok", 2))).get();

    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT status, seq, init_seen FROM session WHERE sid = ?")) {
      s.setString(1, "pg-s1");
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("crashed");
        assertThat(r.getLong(2)).isEqualTo(3);
        assertThat(r.getLong(3)).isEqualTo(1);
        assertThat(r.next()).isFalse();
      }
    }
  }
}
