package dev.gonogo.feedback.signature;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: crashes as files under {@code src/test/resources/signatures/} with the title, group
 * and pinned fingerprint they must get. A changed fingerprint means stored crashes would regroup:
 * change the pin only on purpose, in the same change as the rule, and say why.
 */
class SignatureGoldenTest {
  private static final SignatureGenerator GENERATOR = SignatureGenerator.standard();
  private static final List<GoldenCase> CASES = GoldenCase.all();

  static Stream<Named<GoldenCase>> cases() {
    return CASES.stream().map(c -> Named.of(c.name(), c));
  }

  /** Groups with at least two cases: where "the same bug groups together" is actually tested. */
  static Stream<Arguments> groupsWithSeveralCases() {
    return byGroup().entrySet().stream()
        .filter(group -> group.getValue().size() > 1)
        .map(group -> Arguments.of(group.getKey(), group.getValue()));
  }

  private static Map<String, List<GoldenCase>> byGroup() {
    return CASES.stream().collect(groupingBy(c -> c.expected().group(), TreeMap::new, toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void title_isTheGoldenTitle(GoldenCase golden) {
    Signature signature = GENERATOR.generate(golden.input());

    assertThat(signature.title())
        .as("title of %s (notes: %s)", golden.name(), signature.notes())
        .isEqualTo(golden.expected().title());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fingerprint_isThePinnedValue(GoldenCase golden) {
    Signature signature = GENERATOR.generate(golden.input());

    assertThat(signature.fingerprint())
        .as(
            "fingerprint of %s; a change regroups stored crashes (notes: %s)",
            golden.name(), signature.notes())
        .isEqualTo(golden.expected().fingerprint());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void notes_explainEveryRule_andContainTheGoldenNotes(GoldenCase golden) {
    Signature signature = GENERATOR.generate(golden.input());

    assertThat(signature.notes())
        .as("every rule leaves a note")
        .hasSizeGreaterThanOrEqualTo(GENERATOR.ruleNames().size())
        .noneMatch(note -> note.startsWith("rule "));
    for (String expected : golden.expected().notes()) {
      assertThat(signature.notes())
          .as("notes of %s", golden.name())
          .anyMatch(note -> note.startsWith(expected));
    }
  }

  @ParameterizedTest(name = "group {0}")
  @MethodSource("groupsWithSeveralCases")
  void casesOfOneGroup_shareOneFingerprint(String group, List<GoldenCase> cases) {
    Map<String, String> fingerprints =
        cases.stream()
            .collect(toMap(GoldenCase::name, c -> GENERATOR.generate(c.input()).fingerprint()));

    assertThat(fingerprints.values())
        .as("fingerprints in group %s: %s", group, fingerprints)
        .containsOnly(fingerprints.values().iterator().next());
  }

  @Test
  void casesOfDifferentGroups_haveDifferentFingerprints() {
    Map<String, String> groupOfFingerprint = new TreeMap<>();
    for (GoldenCase golden : CASES) {
      String fingerprint = GENERATOR.generate(golden.input()).fingerprint();
      String previous = groupOfFingerprint.putIfAbsent(fingerprint, golden.expected().group());
      assertThat(previous)
          .as(
              "%s (group %s) has fingerprint %s, already taken by group %s",
              golden.name(), golden.expected().group(), fingerprint, previous)
          .isIn(null, golden.expected().group());
    }
  }

  @Test
  void goldenCases_includeSameBugInTwoBuilds_forJavaJavaScriptAndNative() {
    assertThat(groupsWithSeveralCases().map(arguments -> (String) arguments.get()[0]))
        .contains(
            "java-npe-reply-ontimeout",
            "java-ioexception-uploader",
            "js-typeerror-renderprofile",
            "native-sigsegv-drawlayer",
            "message-payment-failed");
  }
}
