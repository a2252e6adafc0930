package dev.gonogo.feedback.bench;

import dev.gonogo.feedback.config.Config;
import dev.gonogo.feedback.store.Store;
import java.time.Clock;
import java.util.Optional;

/**
 * Seeds the store named by {@code -Dgonogo.bench.store.url} (and {@code .user}, {@code .password})
 * with {@link HealthBenchmarkData}; {@code -Dgonogo.bench.scale=N} divides the sizes by N (a quick
 * trial run). Does nothing when the data is there already.
 */
public final class HealthBenchmarkSeed {
  private HealthBenchmarkSeed() {}

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("gonogo.bench.store.url");
    int scale = Integer.getInteger("gonogo.bench.scale", 1);
    Config.Store config =
        new Config.Store(
            url,
            Optional.ofNullable(System.getProperty("gonogo.bench.store.user")),
            Optional.ofNullable(System.getProperty("gonogo.bench.store.password")),
            4,
            30_000);
    try (Store store = Store.open(config)) {
      double seconds = HealthBenchmarkData.ensure(store, Clock.systemUTC(), scale);
      System.out.printf(
          "benchmark data in %s: %s%n",
          config.redactedUrl(),
          seconds == 0 ? "already there" : String.format("written in %.0f s", seconds));
    }
  }
}
