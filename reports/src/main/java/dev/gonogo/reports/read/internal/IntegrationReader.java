package dev.gonogo.reports.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gonogo.reports.read.Input;
import dev.gonogo.reports.read.IntegrationResults;
import dev.gonogo.reports.read.IntegrationResults.Format;
import dev.gonogo.reports.read.IntegrationResults.Outcome;
import dev.gonogo.reports.read.IntegrationResults.TestOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the integration suites' outcomes from an Allure results folder ({@code *-result.json}) or
 * from JUnit XML (a {@code TEST-*.xml} file, or a folder of them, as Surefire and Failsafe write).
 * A folder with Allure results is read as Allure (it knows retries by {@code historyId}).
 */
public final class IntegrationReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IntegrationReader() {}

  public static Input<IntegrationResults> read(String name, Path path) {
    String source = path.toString();
    if (!Files.exists(path)) {
      return Input.failed(
          name,
          source,
          Input.Problem.MISSING,
          name
              + " "
              + path.toAbsolutePath()
              + " does not exist; expected an Allure results folder (*-result.json) or JUnit"
              + " XML (TEST-*.xml, e.g. integration-tests/target/failsafe-reports)");
    }
    try {
      if (!Files.isDirectory(path)) {
        return junit(name, source, List.of(path));
      }
      List<Path> allure = list(path, "", "-result.json");
      if (!allure.isEmpty()) {
        return allure(name, source, allure);
      }
      List<Path> xml = list(path, "TEST-", ".xml");
      if (!xml.isEmpty()) {
        return junit(name, source, xml);
      }
      return Input.failed(
          name,
          source,
          Input.Problem.EMPTY,
          name
              + " "
              + path.toAbsolutePath()
              + " holds neither Allure results (*-result.json) nor JUnit XML (TEST-*.xml)");
    } catch (IOException | RuntimeException e) {
      return Input.failed(
          name,
          source,
          Input.Problem.UNREADABLE,
          "cannot read the integration results " + path.toAbsolutePath() + ": " + e);
    }
  }

  private static List<Path> list(Path dir, String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
              })
          .sorted()
          .toList();
    }
  }

  // --- Allure ---------------------------------------------------------------------------------

  private record Attempt(
      String key,
      String suite,
      String name,
      String status,
      String message,
      long start,
      long stop) {}

  private static Input<IntegrationResults> allure(String name, String source, List<Path> files) {
    Map<String, List<Attempt>> byHistory = new LinkedHashMap<>();
    for (Path file : files) {
      JsonNode result;
      try {
        result = JSON.readTree(file.toFile());
      } catch (IOException e) {
        return Input.failed(
            name,
            source,
            Input.Problem.UNREADABLE,
            "cannot read the Allure result " + file.toAbsolutePath() + ": " + e.getMessage());
      }
      if (result == null || !result.isObject() || !result.hasNonNull("status")) {
        return Input.failed(
            name,
            source,
            Input.Problem.UNREADABLE,
            file.toAbsolutePath() + " is not an Allure test result (no 'status')");
      }
      String fullName = result.path("fullName").asText(result.path("name").asText(""));
      String key = result.path("historyId").asText(result.path("testCaseId").asText(fullName));
      String suite = label(result, "testClass");
      if (suite.isEmpty()) {
        suite = label(result, "suite");
      }
      JsonNode details = result.path("statusDetails");
      String message = details.hasNonNull("message") ? details.get("message").asText() : null;
      Attempt attempt =
          new Attempt(
              key,
              suite,
              result.path("name").asText(fullName),
              result.get("status").asText(),
              message,
              result.path("start").asLong(0),
              result.path("stop").asLong(0));
      byHistory.computeIfAbsent(key, k -> new ArrayList<>()).add(attempt);
    }
    List<TestOutcome> tests = new ArrayList<>();
    for (List<Attempt> attempts : byHistory.values()) {
      attempts.sort(Comparator.comparingLong(Attempt::start).thenComparingLong(Attempt::stop));
      Attempt last = attempts.get(attempts.size() - 1);
      Outcome outcome = allureOutcome(last.status());
      boolean earlierFailed =
          attempts.subList(0, attempts.size() - 1).stream()
              .anyMatch(
                  a ->
                      allureOutcome(a.status()) == Outcome.FAILED
                          || allureOutcome(a.status()) == Outcome.BROKEN);
      String message = last.message();
      if (message == null && earlierFailed) {
        for (Attempt a : attempts) {
          if (a.message() != null) {
            message = a.message();
          }
        }
      }
      tests.add(
          new TestOutcome(
              last.suite(),
              last.name(),
              outcome,
              outcome == Outcome.PASSED && earlierFailed,
              message,
              Math.max(0, last.stop() - last.start())));
    }
    if (tests.isEmpty()) {
      return Input.failed(name, source, Input.Problem.EMPTY, source + " holds no test results");
    }
    return Input.of(name, source, new IntegrationResults(Format.ALLURE, tests));
  }

  private static String label(JsonNode result, String label) {
    for (JsonNode l : result.path("labels")) {
      if (label.equals(l.path("name").asText())) {
        return l.path("value").asText("");
      }
    }
    return "";
  }

  /** Allure's statuses; {@code unknown} (an interrupted test) counts as broken. */
  private static Outcome allureOutcome(String status) {
    return switch (status) {
      case "passed" -> Outcome.PASSED;
      case "failed" -> Outcome.FAILED;
      case "skipped" -> Outcome.SKIPPED;
      default -> Outcome.BROKEN;
    };
  }

  // --- JUnit XML ------------------------------------------------------------------------------

  private static Input<IntegrationResults> junit(String name, String source, List<Path> files) {
    DocumentBuilder builder;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      builder = factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    builder.setErrorHandler(null);
    List<TestOutcome> tests = new ArrayList<>();
    for (Path file : files) {
      Document doc;
      try {
        if (Files.size(file) == 0) {
          return Input.failed(
              name,
              source,
              Input.Problem.EMPTY,
              "the JUnit XML " + file.toAbsolutePath() + " is empty");
        }
        doc = builder.parse(file.toFile());
      } catch (SAXException | IOException e) {
        return Input.failed(
            name,
            source,
            Input.Problem.UNREADABLE,
            "cannot read the JUnit XML " + file.toAbsolutePath() + ": " + e.getMessage());
      }
      Element root = doc.getDocumentElement();
      if (!root.getTagName().equals("testsuite") && !root.getTagName().equals("testsuites")) {
        return Input.failed(
            name,
            source,
            Input.Problem.UNREADABLE,
            file.toAbsolutePath() + " is not JUnit XML (root <" + root.getTagName() + ">)");
      }
      NodeList cases = root.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        tests.add(testCase((Element) cases.item(i)));
      }
    }
    if (tests.isEmpty()) {
      return Input.failed(
          name, source, Input.Problem.EMPTY, "the JUnit XML at " + source + " holds no <testcase>");
    }
    return Input.of(name, source, new IntegrationResults(Format.JUNIT_XML, tests));
  }

  /**
   * Surefire's report: {@code <failure>}/{@code <error>} on the final outcome (with {@code
   * <rerunFailure>}/{@code <rerunError>} for reruns that failed too), {@code <flakyFailure>}/{@code
   * <flakyError>} for earlier attempts of a test that passed in the end, {@code <skipped>}.
   */
  private static TestOutcome testCase(Element testCase) {
    Outcome outcome = Outcome.PASSED;
    String message = null;
    boolean flaky = false;
    for (Node n = testCase.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element child)) {
        continue;
      }
      switch (child.getTagName()) {
        case "failure" -> {
          outcome = Outcome.FAILED;
          message = messageOf(child);
        }
        case "error" -> {
          outcome = Outcome.BROKEN;
          message = messageOf(child);
        }
        case "skipped" -> {
          if (outcome == Outcome.PASSED) {
            outcome = Outcome.SKIPPED;
            message = child.hasAttribute("message") ? child.getAttribute("message") : null;
          }
        }
        case "flakyFailure", "flakyError" -> {
          flaky = true;
          if (message == null) {
            message = messageOf(child);
          }
        }
        default -> {}
      }
    }
    double seconds = 0;
    try {
      seconds = Double.parseDouble(testCase.getAttribute("time").replace(",", ""));
    } catch (NumberFormatException e) {
      // no duration: 0
    }
    return new TestOutcome(
        testCase.getAttribute("classname"),
        testCase.getAttribute("name"),
        outcome,
        flaky && outcome == Outcome.PASSED,
        message,
        Math.round(seconds * 1000));
  }

  private static String messageOf(Element e) {
    if (e.hasAttribute("message") && !e.getAttribute("message").isBlank()) {
      return e.getAttribute("message");
    }
    String type = e.getAttribute("type");
    String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    return first.isEmpty() ? (type.isEmpty() ? null : type) : first;
  }
}
