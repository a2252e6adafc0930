package dev.gonogo.reports.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gonogo.reports.verdict.Finding;
import dev.gonogo.reports.verdict.Section;
import dev.gonogo.reports.verdict.Status;
import dev.gonogo.reports.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the verdict as {@code verdict.json} (schema {@value #SCHEMA}); every field, in this fixed
 * order, is documented in docs/verdict.md.
 */
public final class VerdictJson {
  public static final String SCHEMA = "gonogo.verdict/1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerdictJson() {}

  /** Writes {@code file} (its folder is created), replacing it atomically where possible. */
  public static void write(Verdict verdict, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".verdict", ".json");
      JSON.writeValue(tmp.toFile(), tree(verdict));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the verdict to " + file.toAbsolutePath(), e);
    }
  }

  static ObjectNode tree(Verdict v) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("status", v.status().name());
    root.put("label", v.status().label());
    root.put("exitCode", v.exitCode());
    root.put("summary", v.summary());
    ObjectNode release = root.putObject("release");
    release.put("candidate", v.release().candidate());
    release.put("baseline", v.release().baseline());
    release.put("commit", v.release().commit());
    root.put("evaluatedAt", v.evaluatedAt().toString());
    ArrayNode sections = root.putArray("sections");
    for (Section s : Section.values()) {
      var of = v.findings().stream().filter(f -> f.section() == s).toList();
      ObjectNode node = sections.addObject();
      node.put("section", s.name());
      Status worst = Status.GO;
      for (Finding f : of) {
        worst = Status.worst(worst, f.status());
      }
      node.put("status", of.isEmpty() ? null : worst.name());
      node.put("findings", of.size());
      node.put("go", of.stream().filter(f -> f.status() == Status.GO).count());
      node.put("noGo", of.stream().filter(f -> f.status() == Status.NO_GO).count());
      node.put("inconclusive", of.stream().filter(f -> f.status() == Status.INCONCLUSIVE).count());
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : v.findings()) {
      ObjectNode node = findings.addObject();
      node.put("section", f.section().name());
      node.put("rule", f.rule());
      node.put("subject", f.subject());
      node.put("status", f.status().name());
      node.put("category", f.category() == null ? null : f.category().name());
      node.put("observed", f.observed());
      node.put("threshold", f.threshold());
      node.put("unit", f.unit());
      node.put("sampleSize", f.sampleSize());
      if (f.interval() == null) {
        node.putNull("interval");
      } else {
        ObjectNode i = node.putObject("interval");
        i.put("low", f.interval().low());
        i.put("high", f.interval().high());
        i.put("confidence", f.interval().confidence());
        i.put("method", f.interval().method());
      }
      node.put("reason", f.reason());
      ArrayNode details = node.putArray("details");
      f.details().forEach(details::add);
    }
    return root;
  }
}
