package dev.gonogo.load.sim;

import static io.gatling.javaapi.core.CoreDsl.csv;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The mix of crash signatures a beta population reports, from the feeder file {@value #FILE}: one
 * row per crash site of {@code bench/crash-sites.txt} with its weight. A few signatures make most
 * crashes and a long tail the rest, as in real crash reporting (roughly Zipf-distributed); the
 * feeder picks a site per crash with probability weight / total.
 */
public final class CrashMix {
  static final String FILE = "load/crash-mix.csv";

  private final int[] sites;
  private final double[] cumulative;

  private CrashMix(int[] sites, double[] cumulative) {
    this.sites = sites;
    this.cumulative = cumulative;
  }

  /** The bundled mix, read with Gatling's CSV feeder reader. */
  public static CrashMix bundled() {
    List<Map<String, Object>> rows = csv(FILE).readRecords();
    if (rows.isEmpty()) {
      throw new IllegalStateException(FILE + " has no rows");
    }
    int[] sites = new int[rows.size()];
    double[] cumulative = new double[rows.size()];
    double total = 0;
    for (int i = 0; i < rows.size(); i++) {
      sites[i] = Integer.parseInt(rows.get(i).get("site").toString().trim());
      double weight = Double.parseDouble(rows.get(i).get("weight").toString().trim());
      if (!(weight > 0)) {
        throw new IllegalStateException(FILE + " row " + (i + 1) + ": weight must be positive");
      }
      total += weight;
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    return new CrashMix(sites, cumulative);
  }

  /** A crash site drawn by weight. Thread-safe. */
  public int nextSite() {
    double roll = ThreadLocalRandom.current().nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (roll < cumulative[i]) {
        return sites[i];
      }
    }
    return sites[sites.length - 1];
  }

  /** An endless Gatling feeder: each record is {@code {"site": <index>}}. */
  public Iterator<Map<String, Object>> feeder() {
    Supplier<Map<String, Object>> next = () -> Map.of("site", nextSite());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        return next.get();
      }
    };
  }
}
