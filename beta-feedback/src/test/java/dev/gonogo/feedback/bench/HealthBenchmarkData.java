package dev.gonogo.feedback.bench;

import dev.gonogo.feedback.project.Projects;
import dev.gonogo.feedback.store.GroupCommitWriter;
import dev.gonogo.feedback.store.Records;
import dev.gonogo.feedback.store.Records.Write;
import dev.gonogo.feedback.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The data of the release-health benchmark, written once through the store's real writer (group
 * commit, rollups, sketches): a candidate release with 10,000,000 sessions (1,000,000 devices, ten
 * sessions each, reported as Sentry session aggregates) and 1,000,000 crash events over 5,000
 * signatures, and a baseline with 2,000,000 sessions and 100,000 crash events. Spread over the last
 * ten days, 50 device models, 10 OS versions, 2 platforms. Seeded: every run writes the same.
 */
public final class HealthBenchmarkData {
  public static final String CANDIDATE = "bench@2.0.0+200";
  public static final String BASELINE = "bench@1.0.0+100";
  static final String MARKER = "bench.health.seeded";

  private HealthBenchmarkData() {}

  /** Seeds the store unless it holds the benchmark data already; returns the seconds it took. */
  public static double ensure(Store store, Clock clock, int scale) throws Exception {
    if (seeded(store)) {
      return 0;
    }
    long t0 = System.nanoTime();
    String project = new Projects(store.dataSource(), clock).ensureDefault().id();
    long now = clock.millis();
    try (GroupCommitWriter writer = new GroupCommitWriter(store.dataSource(), 64, 256)) {
      Batches out = new Batches(writer);
      sessions(out, project, BASELINE, 200_000 / scale, now, 1);
      sessions(out, project, CANDIDATE, 1_000_000 / scale, now, 2);
      events(out, project, BASELINE, 100_000 / scale, 4_000, now, 3);
      events(out, project, CANDIDATE, 1_000_000 / scale, 5_000, now, 4);
      out.drain();
    }
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO setting (name, value) VALUES (?, ?)")) {
      s.setString(1, MARKER);
      s.setString(2, "scale=" + scale);
      s.executeUpdate();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static boolean seeded(Store store) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
      s.setString(1, MARKER);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static Records.Dimensions dims(SplittableRandom rng, String release) {
    int device = rng.nextInt(50);
    return new Records.Dimensions(
        device < 40 ? "java" : "cocoa",
        (device < 40 ? "Android " : "iOS ") + (10 + rng.nextInt(10)),
        "Model " + device,
        release.substring(release.indexOf('@') + 1, release.indexOf('+')));
  }

  /** One aggregate bucket per device: ten sessions, one crashed for 1 % of devices. */
  private static void sessions(
      Batches out, String project, String release, int devices, long now, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int d = 0; d < devices; d++) {
      long started = now - rng.nextLong(10L * 24 * 3_600_000);
      int crashed = rng.nextInt(100) == 0 ? 1 : 0;
      out.add(
          new Records.SessionAggregate(
              project,
              "bench/" + release + "/" + d,
              started,
              release,
              "beta",
              release + "-device-" + d,
              10 - crashed,
              0,
              0,
              crashed,
              now,
              dims(rng, release)));
    }
  }

  /** Crash events over {@code signatures} signatures, weighted 1/rank, with ~600-byte bodies. */
  private static void events(
      Batches out, String project, String release, int count, int signatures, long now, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] cumulative = new double[signatures];
    double sum = 0;
    for (int i = 0; i < signatures; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int e = 0; e < count; e++) {
      double x = rng.nextDouble() * sum;
      int sig = java.util.Arrays.binarySearch(cumulative, x);
      sig = sig < 0 ? -sig - 1 : sig;
      String id = String.format("%016x%016x", seed, e);
      String title = "java.lang.IllegalStateException: state " + sig + " in Checkout.step" + sig;
      String body =
          "{\"event_id\":\""
              + id
              + "\",\"release\":\""
              + release
              + "\",\"platform\":\"java\",\"exception\":{\"values\":[{\"type\":"
              + "\"java.lang.IllegalStateException\",\"value\":\"state "
              + sig
              + "\",\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false},"
              + "\"stacktrace\":{\"frames\":[{\"module\":\"java.lang.Thread\",\"function\":"
              + "\"run\"},{\"module\":\"com.acme.shop.Checkout\",\"function\":\"step"
              + sig
              + "\",\"lineno\":"
              + (100 + sig % 400)
              + ",\"in_app\":true},{\"module\":\"com.acme.shop.Cart\",\"function\":\"total\","
              + "\"lineno\":42,\"in_app\":true}]}}]}}";
      out.add(
          new Records.StoredEvent(
              project,
              id,
              now - rng.nextLong(10L * 24 * 3_600_000),
              now,
              release,
              "beta",
              "java",
              "fatal",
              true,
              String.format("%032x", sig),
              title,
              "user-" + rng.nextInt(1_000_000),
              body,
              dims(rng, release)));
    }
  }

  /** Writes submitted in requests of 500, at most 32 requests in flight. */
  private static final class Batches {
    private final GroupCommitWriter writer;
    private final List<CompletableFuture<List<Boolean>>> inflight = new ArrayList<>();
    private List<Write> current = new ArrayList<>(500);

    Batches(GroupCommitWriter writer) {
      this.writer = writer;
    }

    void add(Write w) {
      current.add(w);
      if (current.size() == 500) {
        flush();
      }
    }

    private void flush() {
      if (current.isEmpty()) {
        return;
      }
      if (inflight.size() >= 32) {
        inflight.remove(0).join();
      }
      inflight.add(writer.submit(current));
      current = new ArrayList<>(500);
    }

    void drain() {
      flush();
      inflight.forEach(CompletableFuture::join);
      inflight.clear();
    }
  }
}
