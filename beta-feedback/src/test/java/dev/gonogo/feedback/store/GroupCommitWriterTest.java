package dev.gonogo.feedback.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Records.ClientReport;
import dev.gonogo.feedback.store.Records.DroppedEvent;
import dev.gonogo.feedback.store.Records.SessionUpdate;
import dev.gonogo.feedback.store.Records.StoredEvent;
import dev.gonogo.feedback.store.Records.Write;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes through the group-commit writer into a real SQLite file and reads back with SQL. */
class GroupCommitWriterTest {
  private static final String PROJECT = "1";

  @TempDir Path dir;
  private Store store;
  private GroupCommitWriter writer;

  @BeforeEach
  void open() throws Exception {
    store =
        Store.open(
            new Config.Store(
                "jdbc:sqlite:" + dir.resolve("store.db"),
                Optional.empty(),
                Optional.empty(),
                2,
                3000));
    try (Connection c = store.dataSource().getConnection()) {
      c.createStatement()
          .executeUpdate(
              "INSERT INTO project (id, name, public_key, created_at) VALUES ('1','p','k',0)");
    }
    writer = new GroupCommitWriter(store.dataSource(), 64, 16);
  }

  @AfterEach
  void close() {
    writer.close();
    store.close();
  }

  private static StoredEvent event(String id, String fingerprint) {
    return new StoredEvent(
        PROJECT,
        id,
        1000,
        900,
        "1.0.0",
        "beta",
        "java",
        "fatal",
        true,
        fingerprint,
        "java.lang.NullPointerException: at a.B.c",
        "user-1",
        "{}");
  }

  private static SessionUpdate session(String status, long seq, boolean init, int errors) {
    return new SessionUpdate(
        PROJECT,
        "sid-1",
        "device-1",
        "1.0.0",
        "beta",
        status,
        errors,
        seq,
        init,
        500,
        null,
        1000 + seq);
  }

  private List<Boolean> write(Write... writes) throws Exception {
    return writer.submit(List.of(writes)).get();
  }

  private long count(String sql, Object... args) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private String sessionColumn(String column) throws Exception {
    try (Connection c = store.dataSource().getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery("SELECT " + column + " FROM session WHERE sid='sid-1'")) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void sameEventIdTwice_isStoredAndCountedOnce() throws Exception {
    assertThat(write(event("e1", "f1"))).containsExactly(true);
    assertThat(write(event("e1", "f1"))).containsExactly(false);

    assertThat(count("SELECT count(*) FROM event")).isEqualTo(1);
    assertThat(count("SELECT events FROM signature_release WHERE fingerprint='f1'")).isEqualTo(1);
  }

  @Test
  void droppedEvent_isCountedOnItsSignature_withoutABody() throws Exception {
    write(event("e1", "f1"));
    write(new DroppedEvent(PROJECT, "e-dropped", "f1", "t", "1.0.0", "beta", 2000));

    assertThat(count("SELECT count(*) FROM event")).isEqualTo(1);
    assertThat(count("SELECT events FROM signature_release WHERE fingerprint='f1'")).isEqualTo(2);
    assertThat(count("SELECT dropped_events FROM signature_release WHERE fingerprint='f1'"))
        .isEqualTo(1);
  }

  @Test
  void droppedEvent_whoseIdIsAlreadyStored_isNotCountedAgain() throws Exception {
    write(event("e1", "f1"));

    assertThat(write(new DroppedEvent(PROJECT, "e1", "f1", "t", "1.0.0", "beta", 2000)))
        .containsExactly(false);
    assertThat(count("SELECT events FROM signature_release WHERE fingerprint='f1'")).isEqualTo(1);
    assertThat(count("SELECT dropped_events FROM signature_release WHERE fingerprint='f1'"))
        .isZero();
  }

  @Test
  void clientReportEntry_reSent_isCountedOnce() throws Exception {
    ClientReport entry = new ClientReport(PROJECT, "digest/0", 1000, "before_send", "error", 3);

    assertThat(write(entry)).containsExactly(true);
    assertThat(write(entry)).containsExactly(false);
    assertThat(count("SELECT SUM(quantity) FROM client_report")).isEqualTo(3);
  }

  @Test
  void session_laterSeqWins_andTerminalStateIsFinal() throws Exception {
    write(session("ok", 1, true, 0));
    write(session("ok", 3, false, 2));
    write(session("ok", 2, false, 1)); // late, lower seq: ignored
    assertThat(sessionColumn("seq")).isEqualTo("3");
    assertThat(sessionColumn("errors")).isEqualTo("2");

    write(session("crashed", 4, false, 2));
    write(session("exited", 5, false, 2)); // after a terminal state: ignored
    write(session("ok", 6, false, 9));

    assertThat(sessionColumn("status")).isEqualTo("crashed");
    assertThat(sessionColumn("errors")).isEqualTo("2");
    assertThat(count("SELECT count(*) FROM session")).isEqualTo(1);
  }

  @Test
  void session_terminalUpdateWithALowerSeq_stillEndsTheOpenSession() throws Exception {
    // The Java SDK sends its init without seq (the receive time stands in) and stamps the end
    // with its own clock, which can be earlier.
    write(session("ok", 1_000, true, 0));
    write(session("exited", 990, false, 0));

    assertThat(sessionColumn("status")).isEqualTo("exited");
    assertThat(sessionColumn("seq")).isEqualTo("1000");
  }

  @Test
  void session_initArrivingAfterAnUpdate_isStillCountedOnce() throws Exception {
    write(session("exited", 2, false, 0));
    write(session("ok", 1, true, 0));

    assertThat(sessionColumn("init_seen")).isEqualTo("1");
    assertThat(sessionColumn("status")).isEqualTo("exited");
    assertThat(count("SELECT count(*) FROM session")).isEqualTo(1);
  }

  @Test
  void manyConcurrentRequests_allCommit_andEachSeesItsOwnResult() throws Exception {
    List<CompletableFuture<List<Boolean>>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(writer.submit(List.of(event("e" + i, "f" + (i % 5)))));
    }
    for (CompletableFuture<List<Boolean>> future : futures) {
      assertThat(future.get()).containsExactly(true);
    }

    assertThat(count("SELECT count(*) FROM event")).isEqualTo(50);
    assertThat(count("SELECT sum(events) FROM signature_release")).isEqualTo(50);
  }

  @Test
  void aFailingRequest_isRolledBack_withoutFailingItsNeighbours() throws Exception {
    StoredEvent unknownProject =
        new StoredEvent(
            "no-such-project", "x", 1, 1, "r", "e", "java", "error", false, "f", "t", null, "{}");
    CompletableFuture<List<Boolean>> bad =
        writer.submit(List.of(event("ok-1", "f"), unknownProject));
    CompletableFuture<List<Boolean>> good = writer.submit(List.of(event("ok-2", "f")));

    assertThatThrownBy(bad::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(GroupCommitWriter.Unavailable.class);
    assertThat(good.get()).containsExactly(true);
    assertThat(count("SELECT count(*) FROM event WHERE event_id = ?", "ok-1"))
        .as("the failed request's first write was rolled back with it")
        .isZero();
    assertThat(count("SELECT count(*) FROM event WHERE event_id = ?", "ok-2")).isEqualTo(1);
  }

  @Test
  void fullQueue_failsAtOnceInsteadOfBuffering() {
    GroupCommitWriter tiny = new GroupCommitWriter(store.dataSource(), 1, 1);
    try {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  tiny.submit(List.of(event("q" + i, "f")));
                }
              })
          .isInstanceOf(GroupCommitWriter.Overloaded.class)
          .hasMessageContaining("write queue is full");
    } finally {
      tiny.close();
    }
  }

  @Test
  void warmUp_atStart_leavesNoRowBehind() throws Exception {
    write(event("e1", "f1")); // the writer has warmed up before its first batch

    assertThat(count("SELECT count(*) FROM project")).isEqualTo(1);
    for (String table :
        List.of(
            "event",
            "signature",
            "signature_release",
            "signature_user",
            "session",
            "session_aggregate",
            "feedback",
            "attachment",
            "client_report",
            "release_user",
            "health_rollup",
            "health_hour")) {
      assertThat(count("SELECT count(*) FROM " + table + " WHERE project_id <> ?", PROJECT))
          .as(table)
          .isZero();
    }
  }

  @Test
  void burstOfSessionsOverManyBatches_countsEachSessionOnceByItsLatestStatus() throws Exception {
    // 16 requests a batch: each wave queues up at once, so its batches run back to back on the
    // writer's held connection and statements.
    int sessions = 60;
    writeWave(sessions, i -> session(i, "ok", 1, true));
    writeWave(sessions, i -> session(i, i % 10 == 0 ? "crashed" : "exited", 2, false));
    writeWave(sessions, i -> session(i, "ok", 3, false)); // after the end: changes nothing

    String all = "FROM health_rollup WHERE dimension = 'all' AND release = '1.0.0'";
    assertThat(count("SELECT sessions " + all)).isEqualTo(sessions);
    assertThat(count("SELECT crashed " + all)).isEqualTo(6);
    assertThat(count("SELECT errored + abnormal " + all)).isZero();
    assertThat(count("SELECT users " + all)).isEqualTo(30); // two sessions per device
    assertThat(count("SELECT crashed_users " + all)).isEqualTo(3); // devices 0, 10 and 20
    assertThat(count("SELECT count(*) FROM session WHERE status = 'crashed'")).isEqualTo(6);
    assertThat(count("SELECT sum(sessions) FROM health_hour")).isEqualTo(sessions);
  }

  private void writeWave(int n, IntFunction<Write> write) throws Exception {
    List<CompletableFuture<List<Boolean>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(writer.submit(List.of(write.apply(i))));
    }
    for (CompletableFuture<List<Boolean>> future : futures) {
      assertThat(future.get()).containsExactly(true);
    }
  }

  private static SessionUpdate session(int i, String status, long seq, boolean init) {
    return new SessionUpdate(
        PROJECT,
        "burst-" + i,
        "device-" + (i % 30),
        "1.0.0",
        "beta",
        status,
        0,
        seq,
        init,
        500,
        null,
        1000 + seq);
  }
}
