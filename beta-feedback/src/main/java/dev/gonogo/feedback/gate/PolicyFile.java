package dev.gonogo.feedback.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the beta section of a release policy file. The other sections belong to the rest of the
 * harness and are not read here. Every key of the beta section is required to be known: a typo is
 * an error naming the key, not a silently ignored rule.
 */
public final class PolicyFile {
  /** The policy bundled with beta-feedback: the repository's release-policy.yaml. */
  public static final String BUNDLED = "/dev/gonogo/feedback/gate/release-policy.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> KEYS =
      Set.of(
          "confidence",
          "min-sessions",
          "min-users",
          "crash-free-sessions-floor",
          "crash-free-users-floor",
          "max-crash-rate-increase",
          "max-new-signature-share",
          "spiking-factor",
          "regressed-signatures",
          "per-platform",
          "per-device");

  /** A policy file that cannot be used; the message names the key. */
  public static final class InvalidPolicy extends RuntimeException {
    private final String key;

    InvalidPolicy(String key, String message) {
      super(message);
      this.key = key;
    }

    /** The offending key, e.g. {@code beta.min-sessions}. */
    public String key() {
      return key;
    }
  }

  private PolicyFile() {}

  public static Policy bundled() {
    try (InputStream in = PolicyFile.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled policy " + BUNDLED + " is missing from the jar");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Policy read(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidPolicy("", "cannot read the policy file " + file + ": " + e.getMessage());
    }
  }

  /** Parses a whole policy file (YAML or JSON) and returns its beta section. */
  public static Policy parse(byte[] yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new InvalidPolicy("", "the policy is not valid YAML: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPolicy("", "the policy must be a YAML mapping with a 'beta' section");
    }
    JsonNode beta = root.get("beta");
    if (beta == null || !beta.isObject()) {
      throw new InvalidPolicy("beta", "the policy has no 'beta' section (a mapping)");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = beta.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!KEYS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidPolicy(
          "beta." + unknown.get(0),
          "unknown key(s) in the beta section: "
              + String.join(", ", unknown)
              + "; known keys are "
              + String.join(", ", KEYS.stream().sorted().toList()));
    }
    JsonNode increase = object(beta, "max-crash-rate-increase");
    JsonNode platform = object(beta, "per-platform");
    JsonNode device = object(beta, "per-device");
    return new Policy(
        between(beta, "confidence", 0.5, 0.9999, "beta.confidence"),
        count(beta, "min-sessions", "beta.min-sessions"),
        count(beta, "min-users", "beta.min-users"),
        rate(beta, "crash-free-sessions-floor", "beta.crash-free-sessions-floor"),
        rate(beta, "crash-free-users-floor", "beta.crash-free-users-floor"),
        new Policy.Increase(
            between(increase, "relative", 0, 100, "beta.max-crash-rate-increase.relative"),
            rate(increase, "absolute", "beta.max-crash-rate-increase.absolute")),
        rate(beta, "max-new-signature-share", "beta.max-new-signature-share"),
        between(beta, "spiking-factor", 1, 1000, "beta.spiking-factor"),
        severity(beta, "regressed-signatures"),
        new Policy.GroupFloor(
            count(platform, "min-sessions", "beta.per-platform.min-sessions"),
            rate(
                platform,
                "crash-free-sessions-floor",
                "beta.per-platform.crash-free-sessions-floor")),
        new Policy.GroupFloor(
            count(device, "min-sessions", "beta.per-device.min-sessions"),
            rate(
                device, "crash-free-sessions-floor", "beta.per-device.crash-free-sessions-floor")));
  }

  private static JsonNode object(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isObject()) {
      throw new InvalidPolicy(
          "beta." + name, "beta." + name + " is required and must be a mapping");
    }
    return node;
  }

  private static double number(JsonNode parent, String name, String key) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new InvalidPolicy(key, key + " is required");
    }
    if (!node.isNumber()) {
      throw new InvalidPolicy(key, key + " must be a number, got '" + node.asText() + "'");
    }
    return node.doubleValue();
  }

  private static double between(JsonNode parent, String name, double min, double max, String key) {
    double v = number(parent, name, key);
    if (v < min || v > max) {
      throw new InvalidPolicy(key, key + " must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  private static double rate(JsonNode parent, String name, String key) {
    return between(parent, name, 0, 1, key);
  }

  private static long count(JsonNode parent, String name, String key) {
    double v = number(parent, name, key);
    if (v < 0 || v != Math.rint(v)) {
      throw new InvalidPolicy(key, key + " must be a whole number >= 0, got " + v);
    }
    return (long) v;
  }

  private static Status severity(JsonNode parent, String name) {
    String key = "beta." + name;
    JsonNode node = parent.get(name);
    String v = node == null ? "" : node.asText().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "warn" -> Status.WARN;
      case "fail" -> Status.FAIL;
      default -> throw new InvalidPolicy(key, key + " must be warn or fail, got '" + v + "'");
    };
  }
}
