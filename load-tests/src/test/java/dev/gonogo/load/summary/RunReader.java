package dev.gonogo.load.summary;

import dev.gonogo.load.summary.Summary.AssertionOutcome;
import dev.gonogo.load.summary.Summary.Distribution;
import dev.gonogo.load.summary.Summary.Entry;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.Group;
import io.gatling.charts.stats.GroupStatsPath;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestStatsPath;
import io.gatling.charts.stats.RunInfo;
import io.gatling.charts.stats.StatsPath;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.stats.assertion.Assertion;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.model.assertion.AssertionMessage$;
import io.gatling.shared.model.assertion.AssertionResult;
import io.gatling.shared.model.assertion.AssertionValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads one Gatling run folder ({@code simulation.log}) with Gatling's own reader of the same
 * version ({@code io.gatling.charts.stats.LogFileReader}, the one its HTML report uses) and
 * evaluates the run's assertions with Gatling's own {@code AssertionValidator}; never a parser of
 * the binary format of our own.
 *
 * <p>Percentiles are the reader's (a t-digest over every response time). The histogram is rebuilt
 * from the same reader's quantile function ({@link LatencyHistogram#fromQuantiles}).
 */
public final class RunReader {
  public static final String LOG_FILE = "simulation.log";

  private RunReader() {}

  public static Summary read(Path runFolder, String profile, String label) {
    Path log = runFolder.resolve(LOG_FILE);
    if (!Files.isRegularFile(log)) {
      throw new IllegalArgumentException(
          "No " + LOG_FILE + " in " + runFolder + ": the Gatling run did not write results");
    }
    LogFileData data = new LogFileReader(log.toFile(), GatlingConfiguration.load()).read();
    RunInfo info = data.runInfo();

    Entry global = entry("global", List.of(), stats(data, Option.empty(), Option.empty()));
    List<Entry> groups = new ArrayList<>();
    List<Entry> requests = new ArrayList<>();
    for (StatsPath path : CollectionConverters.asJava(data.statsPaths())) {
      if (path instanceof GroupStatsPath groupPath) {
        Group group = groupPath.group();
        groups.add(entry("group", hierarchy(group), groupStats(data, group)));
      } else if (path instanceof RequestStatsPath request) {
        List<String> parts = new ArrayList<>();
        if (request.group().isDefined()) {
          parts.addAll(hierarchy(request.group().get()));
        }
        parts.add(request.request());
        requests.add(
            entry("request", parts, stats(data, Option.apply(request.request()), request.group())));
      }
    }

    List<AssertionOutcome> outcomes = new ArrayList<>();
    List<AssertionResult> results =
        CollectionConverters.asJava(
            new AssertionValidator(data).validateAssertions(data.assertions()));
    for (AssertionResult result : results) {
      outcomes.add(outcome(result));
    }
    long start = info.injectStart();
    long end = Math.max(info.injectEnd(), start);
    String status = status(global, outcomes);
    return new Summary(
        Summary.SCHEMA,
        info.simulationClassName(),
        profile,
        label,
        List.of(runFolder.getFileName().toString()),
        start,
        end,
        status,
        global,
        groups,
        requests,
        outcomes,
        null);
  }

  /** broken: nothing was sent or an assertion could not be evaluated; else failed or passed. */
  static String status(Entry global, List<AssertionOutcome> outcomes) {
    if (global.count() == 0 || outcomes.stream().anyMatch(o -> o.error() != null)) {
      return "broken";
    }
    return outcomes.stream().allMatch(AssertionOutcome::passed) ? "passed" : "failed";
  }

  /** All, OK, KO statistics of one path. */
  private record ByStatus(GeneralStats all, GeneralStats ok, GeneralStats ko) {}

  private static ByStatus stats(LogFileData data, Option<String> request, Option<Group> group) {
    return new ByStatus(
        orNull(data.requestGeneralStats(request, group, Option.empty())),
        orNull(data.requestGeneralStats(request, group, Option.apply((Status) OK$.MODULE$))),
        orNull(data.requestGeneralStats(request, group, Option.apply((Status) KO$.MODULE$))));
  }

  private static ByStatus groupStats(LogFileData data, Group group) {
    return new ByStatus(
        orNull(data.groupCumulatedResponseTimeGeneralStats(group, Option.empty())),
        orNull(
            data.groupCumulatedResponseTimeGeneralStats(group, Option.apply((Status) OK$.MODULE$))),
        orNull(
            data.groupCumulatedResponseTimeGeneralStats(
                group, Option.apply((Status) KO$.MODULE$))));
  }

  private static Entry entry(String kind, List<String> path, ByStatus stats) {
    long count = stats.all() == null ? 0 : stats.all().count();
    long ok = stats.ok() == null ? 0 : stats.ok().count();
    long ko = count - ok;
    double rps = stats.all() == null ? 0 : stats.all().meanRequestsPerSec();
    return new Entry(
        kind,
        path,
        count,
        ok,
        ko,
        count == 0 ? 0 : 100.0 * ko / count,
        rps,
        distribution(stats.all()),
        distribution(stats.ok()));
  }

  private static Distribution distribution(GeneralStats stats) {
    if (stats == null || stats.count() == 0) {
      return null;
    }
    Map<String, Long> percentiles = new LinkedHashMap<>();
    for (String key : Distribution.PERCENTILES) {
      percentiles.put(key, percentile(stats, Double.parseDouble(key)));
    }
    LatencyHistogram histogram =
        LatencyHistogram.fromQuantiles(stats.count(), rank -> percentile(stats, rank));
    return new Distribution(
        stats.min(),
        stats.mean(),
        stats.max(),
        stats.stdDev(),
        percentiles,
        Summary.Histogram.of(histogram));
  }

  /** Gatling's percentile function: rank 0-100 to milliseconds. */
  static long percentile(GeneralStats stats, double rank) {
    return ((Number) stats.percentile().apply(rank)).longValue();
  }

  private static List<String> hierarchy(Group group) {
    return List.copyOf(CollectionConverters.asJava(group.hierarchy()));
  }

  private static <T> T orNull(Option<T> option) {
    return option.isDefined() ? option.get() : null;
  }

  private static AssertionOutcome outcome(AssertionResult result) {
    Assertion assertion = result.assertion();
    GatlingAssertions.Described described = GatlingAssertions.describe(assertion);
    String message = AssertionMessage$.MODULE$.message(assertion);
    if (result instanceof AssertionResult.Resolved resolved) {
      return new AssertionOutcome(
          described.path(),
          described.parts(),
          described.metric(),
          described.condition(),
          described.expected(),
          resolved.actualValue(),
          resolved.success(),
          message,
          null);
    }
    String error =
        result instanceof AssertionResult.ResolutionError failed
            ? failed.error()
            : result.toString();
    return new AssertionOutcome(
        described.path(),
        described.parts(),
        described.metric(),
        described.condition(),
        described.expected(),
        null,
        false,
        message,
        error);
  }
}
