package dev.gonogo.reports.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gonogo.load.policy.LoadPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The release policy file ({@code release-policy.yaml}, docs/policy.md) as the verdict reads it:
 * the {@code integration} section, parsed here; the {@code load} section, parsed by load-tests'
 * {@link LoadPolicy} (the same parser the Gatling suites use); and the file's bytes, which are
 * POSTed to beta-feedback's gate so the {@code beta} section is evaluated where it is defined.
 *
 * @param source the file read
 * @param integration the integration section (defaults when the file has none)
 * @param load the load section
 * @param bytes the file as read, for the gate
 */
public record ReleasePolicy(
    Path source, IntegrationPolicy integration, LoadPolicy load, byte[] bytes) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_KEYS = Set.of("version", "integration", "load", "beta");
  private static final Set<String> INTEGRATION_KEYS =
      Set.of("require-all-passed", "flaky", "min-tests");

  /** Confidence of the load comparison when the policy gives none (the load section has none). */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  public ReleasePolicy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(load, "load");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Confidence of every load-comparison decision. The load section has no {@code confidence} key,
   * so this is {@value #DEFAULT_CONFIDENCE}.
   */
  public double loadConfidence() {
    return DEFAULT_CONFIDENCE;
  }

  /**
   * Reads and checks the policy file.
   *
   * @throws PolicyException when the file cannot be read or is not YAML, or a key is unknown or out
   *     of range; the message names the file and the key, {@link PolicyException#key()} the key
   */
  public static ReleasePolicy load(Path file) {
    byte[] bytes;
    JsonNode root;
    try {
      bytes = Files.readAllBytes(file);
      root = YAML.readTree(bytes);
    } catch (IOException e) {
      throw new PolicyException(
          "",
          "cannot read the release policy "
              + file.toAbsolutePath()
              + " (--policy): "
              + e.getMessage()
              + "; expected a YAML file as docs/policy.md describes",
          e);
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException(
          "", file + ": not a release policy (a YAML mapping with integration, load and beta)");
    }
    rejectUnknown(file, "", root, TOP_KEYS);
    JsonNode version = root.get("version");
    if (version != null && !(version.isInt() && version.intValue() == 1)) {
      throw new PolicyException(
          "version", file + ": version " + version + " is not supported; this gonogo reads 1");
    }
    IntegrationPolicy integration = integration(file, root.get("integration"));
    LoadPolicy load;
    try {
      load = LoadPolicy.read(file);
    } catch (dev.gonogo.load.policy.PolicyException e) {
      throw new PolicyException(keyIn(e.getMessage()), e.getMessage(), e);
    }
    return new ReleasePolicy(file, integration, load, bytes);
  }

  private static IntegrationPolicy integration(Path file, JsonNode section) {
    if (section == null || section.isNull()) {
      return IntegrationPolicy.DEFAULTS;
    }
    if (!section.isObject()) {
      throw new PolicyException("integration", file + ": integration must be a mapping");
    }
    rejectUnknown(file, "integration", section, INTEGRATION_KEYS);
    IntegrationPolicy d = IntegrationPolicy.DEFAULTS;
    boolean requireAll = d.requireAllPassed();
    JsonNode value = section.get("require-all-passed");
    if (value != null) {
      if (!value.isBoolean()) {
        throw new PolicyException(
            "integration.require-all-passed",
            file + ": integration.require-all-passed must be true or false, was " + value);
      }
      requireAll = value.booleanValue();
    }
    IntegrationPolicy.Flaky flaky = d.flaky();
    value = section.get("flaky");
    if (value != null) {
      flaky = value.isTextual() ? IntegrationPolicy.Flaky.parse(value.textValue()) : null;
      if (flaky == null) {
        throw new PolicyException(
            "integration.flaky",
            file + ": integration.flaky must be fail, inconclusive or pass, was " + value);
      }
    }
    int minTests = d.minTests();
    value = section.get("min-tests");
    if (value != null) {
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
        throw new PolicyException(
            "integration.min-tests",
            file + ": integration.min-tests must be a whole number of at least 1, was " + value);
      }
      minTests = value.intValue();
    }
    return new IntegrationPolicy(requireAll, flaky, minTests);
  }

  private static void rejectUnknown(Path file, String where, JsonNode node, Set<String> known) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!known.contains(key)) {
        String dotted = where.isEmpty() ? key : where + "." + key;
        throw new PolicyException(
            dotted,
            file
                + ": unknown key "
                + dotted
                + "; known keys there: "
                + String.join(", ", new TreeSet<>(known))
                + " (docs/policy.md)");
      }
    }
  }

  /** The dotted key LoadPolicy's message names ("unknown key load.slos[0].p96-ms; ..."). */
  private static String keyIn(String message) {
    if (message == null) {
      return "load";
    }
    return Arrays.stream(message.split("[\\s;:,]+"))
        .filter(w -> w.startsWith("load.") || w.equals("load"))
        .findFirst()
        .orElse("load");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleasePolicy p
        && source.equals(p.source)
        && integration.equals(p.integration)
        && load.equals(p.load)
        && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, integration, load, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "ReleasePolicy[" + source + ", " + integration + ", " + load + "]";
  }
}
