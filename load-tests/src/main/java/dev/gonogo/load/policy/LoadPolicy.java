package dev.gonogo.load.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code load} section of the release policy ({@code release-policy.yaml}, the one policy file
 * the harness and the verdict read): SLOs per request group, which the simulations turn into
 * Gatling assertions, and the limits of a candidate-versus-baseline comparison. Keys are documented
 * in docs/policy.md ("load"); an unknown key is an error, so a typo cannot drop an SLO.
 */
public record LoadPolicy(Path source, List<Slo> slos, BaselineLimits baseline) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> SECTION_KEYS = Set.of("slos", "baseline");
  private static final Set<String> SLO_KEYS =
      Set.of("group", "p95-ms", "p99-ms", "max-error-percent", "min-requests-per-second");
  private static final Set<String> BASELINE_KEYS =
      Set.of(
          "max-median-increase-percent",
          "max-p95-increase-percent",
          "max-p99-increase-percent",
          "min-increase-ms",
          "max-error-percent-increase",
          "exclude-simulations");

  public LoadPolicy {
    Objects.requireNonNull(source, "source");
    slos = List.copyOf(slos);
    Objects.requireNonNull(baseline, "baseline");
    if (slos.isEmpty()) {
      throw new PolicyException(source + ": load.slos is empty; a load run needs at least one SLO");
    }
    long distinct = slos.stream().map(Slo::group).distinct().count();
    if (distinct != slos.size()) {
      throw new PolicyException(source + ": load.slos names a group twice");
    }
  }

  /** The SLO of {@code group}, if the policy has one. */
  public Optional<Slo> slo(String group) {
    return slos.stream().filter(s -> s.group().equals(group)).findFirst();
  }

  /** The SLOs that apply to a run with these Gatling groups: {@code all} and each group's own. */
  public List<Slo> slosFor(Set<String> groups) {
    return slos.stream().filter(s -> s.isGlobal() || groups.contains(s.group())).toList();
  }

  /**
   * Reads the {@code load} section of the policy file.
   *
   * @throws PolicyException when the file is missing, not YAML, has no {@code load} section, or a
   *     key is unknown or a value out of range; the message names the file and the key
   */
  public static LoadPolicy read(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new PolicyException(
          "Cannot read the release policy "
              + file.toAbsolutePath()
              + " (gonogo.load.policy-file): "
              + e.getMessage(),
          e);
    }
    JsonNode load = root == null ? null : root.get("load");
    if (load == null || !load.isObject()) {
      throw new PolicyException(file + ": no 'load' section (see docs/policy.md, section load)");
    }
    rejectUnknown(file, "load", load, SECTION_KEYS);
    List<Slo> slos = new ArrayList<>();
    JsonNode list = load.path("slos");
    if (!list.isArray()) {
      throw new PolicyException(file + ": load.slos must be a list of SLOs, one per group");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String where = "load.slos[" + i + "]";
      if (!entry.isObject()) {
        throw new PolicyException(file + ": " + where + " must be a mapping");
      }
      rejectUnknown(file, where, entry, SLO_KEYS);
      String group = entry.path("group").asText("");
      try {
        slos.add(
            new Slo(
                group,
                optionalInt(file, where, entry, "p95-ms"),
                optionalInt(file, where, entry, "p99-ms"),
                optionalDouble(file, where, entry, "max-error-percent"),
                optionalDouble(file, where, entry, "min-requests-per-second")));
      } catch (IllegalArgumentException e) {
        throw new PolicyException(file + ": " + where + ": " + e.getMessage(), e);
      }
    }
    JsonNode baseline = load.path("baseline");
    if (!baseline.isObject()) {
      throw new PolicyException(file + ": load.baseline is missing");
    }
    rejectUnknown(file, "load.baseline", baseline, BASELINE_KEYS);
    BaselineLimits limits =
        new BaselineLimits(
            required(file, baseline, "max-median-increase-percent"),
            required(file, baseline, "max-p95-increase-percent"),
            required(file, baseline, "max-p99-increase-percent"),
            required(file, baseline, "min-increase-ms"),
            required(file, baseline, "max-error-percent-increase"),
            names(file, baseline, "exclude-simulations"));
    return new LoadPolicy(file, slos, limits);
  }

  private static void rejectUnknown(Path file, String where, JsonNode node, Set<String> known) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!known.contains(key)) {
        throw new PolicyException(
            String.format(
                Locale.ROOT,
                "%s: unknown key %s.%s; known keys there: %s",
                file,
                where,
                key,
                String.join(", ", known.stream().sorted().toList())));
      }
    }
  }

  private static OptionalInt optionalInt(Path file, String where, JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new PolicyException(file + ": " + where + "." + key + " must be a whole number");
    }
    return OptionalInt.of(value.intValue());
  }

  private static OptionalDouble optionalDouble(
      Path file, String where, JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return OptionalDouble.empty();
    }
    if (!value.isNumber()) {
      throw new PolicyException(file + ": " + where + "." + key + " must be a number");
    }
    return OptionalDouble.of(value.doubleValue());
  }

  /** An optional list of names; absent is empty. */
  private static Set<String> names(Path file, JsonNode node, String key) {
    JsonNode list = node.path(key);
    if (list.isMissingNode() || list.isNull()) {
      return Set.of();
    }
    if (!list.isArray()) {
      throw new PolicyException(file + ": load.baseline." + key + " must be a list of names");
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    for (JsonNode name : list) {
      if (!name.isTextual() || name.asText().isBlank()) {
        throw new PolicyException(
            file + ": load.baseline." + key + " must list simulation names, found " + name);
      }
      names.add(name.asText());
    }
    return names;
  }

  private static double required(Path file, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new PolicyException(file + ": load.baseline." + key + " must be a number");
    }
    return value.doubleValue();
  }
}
