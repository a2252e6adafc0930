package dev.gonogo.load.summary;

import dev.gonogo.load.policy.LoadPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs after the Gatling runs (the pom's {@code load-summary} execution, in {@code verify}) and
 * writes the machine-readable results: for every run folder named in Gatling's {@code lastRun.txt},
 * {@code load-summary.json} in that folder and {@code <out>/<simulation>-<label>.json}, plus one
 * Allure result. Exits 1 when a run failed an assertion, is broken, or an expected simulation left
 * no run at all: a load suite that ran nothing is never green.
 *
 * <pre>
 * runs  --results target/gatling --out target/load-summary --allure target/allure-results
 *       --profile smoke --label candidate --policy ../release-policy.yaml [--expect A,B]
 * merge --out merged.json --allure target/allure-results summary1.json summary2.json ...
 * </pre>
 */
public final class SummaryMain {
  private SummaryMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: runs ... | merge ... (see the Javadoc)");
    }
    Map<String, String> options = new HashMap<>();
    List<String> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        files.add(args[i]);
      }
    }
    int exit =
        switch (args[0]) {
          case "runs" -> runs(options);
          case "merge" -> merge(options, files);
          default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    System.exit(exit);
  }

  private static int runs(Map<String, String> o) throws IOException {
    Path results = Path.of(require(o, "results"));
    Path out = Path.of(require(o, "out"));
    Path allure = Path.of(require(o, "allure"));
    String profile = o.getOrDefault("profile", "smoke");
    String label = o.getOrDefault("label", "candidate");
    LoadPolicy policy = LoadPolicy.read(Path.of(require(o, "policy")));
    List<Summary> summaries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path run : lastRuns(results, problems)) {
      try {
        Summary summary = Capacity.annotate(RunReader.read(run, profile, label), policy);
        SummaryJson.write(summary, run.resolve("load-summary.json"));
        String id = summary.simulation().substring(summary.simulation().lastIndexOf('.') + 1);
        SummaryJson.write(
            summary, out.resolve(id.toLowerCase(Locale.ROOT) + "-" + label + ".json"));
        AllureResults.write(summary, allure);
        summaries.add(summary);
        System.out.println(line(summary, run));
      } catch (RuntimeException e) {
        problems.add("cannot summarise " + run + ": " + e);
      }
    }
    Set<String> expected = new LinkedHashSet<>();
    if (o.containsKey("expect") && !o.get("expect").isBlank()) {
      expected.addAll(List.of(o.get("expect").split(",")));
    }
    for (String simulation : expected) {
      if (summaries.stream().noneMatch(s -> s.simulation().equals(simulation.trim()))) {
        problems.add(simulation.trim() + " left no Gatling run (see the Gatling output above)");
      }
    }
    summaries.stream()
        .filter(s -> !s.passed())
        .forEach(
            s -> problems.add(s.simulation() + " " + s.status() + ": " + AllureResults.message(s)));
    problems.forEach(p -> System.out.println("[load-summary] FAILED: " + p));
    return problems.isEmpty() && !summaries.isEmpty() ? 0 : 1;
  }

  private static int merge(Map<String, String> o, List<String> files) {
    List<Summary> parts = files.stream().map(Path::of).map(SummaryJson::read).toList();
    Summary merged = Merge.of(parts);
    SummaryJson.write(merged, Path.of(require(o, "out")));
    if (o.containsKey("allure")) {
      AllureResults.write(merged, Path.of(o.get("allure")));
    }
    System.out.println(line(merged, Path.of(o.get("out"))));
    return merged.passed() ? 0 : 1;
  }

  /** The run folders Gatling's plugin recorded for the last {@code gatling:test}. */
  static List<Path> lastRuns(Path results, List<String> problems) throws IOException {
    Path lastRun = results.resolve("lastRun.txt");
    List<Path> runs = new ArrayList<>();
    if (!Files.isRegularFile(lastRun)) {
      problems.add("no " + lastRun + ": Gatling recorded no run");
      return runs;
    }
    for (String line : Files.readAllLines(lastRun)) {
      String name = line.trim();
      if (name.isEmpty()) {
        continue;
      }
      Path folder = results.resolve(name);
      if (!name.contains("/") && Files.isDirectory(folder)) {
        runs.add(folder);
      } else {
        problems.add("Gatling reported: " + name);
      }
    }
    return runs;
  }

  private static String line(Summary s, Path where) {
    return String.format(
        Locale.ROOT,
        "[load-summary] %s %s: %s -> %s",
        s.simulation(),
        s.status().toUpperCase(Locale.ROOT),
        AllureResults.message(s),
        where);
  }

  private static String require(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return value;
  }
}
