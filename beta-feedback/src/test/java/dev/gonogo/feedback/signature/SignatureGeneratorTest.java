package dev.gonogo.feedback.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gonogo.feedback.signature.internal.Rule;
import dev.gonogo.feedback.signature.internal.SignatureState;
import dev.gonogo.feedback.signature.internal.StandardRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureGeneratorTest {
  private static final SignatureGenerator GENERATOR = SignatureGenerator.standard();

  private static Rule throwing(String name, RuntimeException failure) {
    return new Rule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(SignatureState state) {
        throw failure;
      }
    };
  }

  private static List<Rule> standardWith(int index, Rule extra) {
    List<Rule> rules = new ArrayList<>(StandardRules.create());
    rules.add(index, extra);
    return rules;
  }

  private static CrashInput npeIn(String... classAndMethodTopFirst) {
    List<StackFrame> frames = new ArrayList<>();
    for (int i = classAndMethodTopFirst.length - 1; i >= 0; i--) {
      String name = classAndMethodTopFirst[i];
      int dot = name.lastIndexOf('.');
      frames.add(
          StackFrame.builder()
              .module(name.substring(0, dot))
              .function(name.substring(dot + 1))
              .lineno(10 + i)
              .inApp(true)
              .build());
    }
    return CrashInput.of(
        "java", new CrashException("NullPointerException", null, "java.lang", frames));
  }

  @Test
  void standard_runsTheDeclaredRulesInOrder() {
    assertThat(GENERATOR.ruleNames())
        .containsExactly(
            "ChooseRootCause",
            "NormaliseMessage",
            "NormaliseJavaFrames",
            "NormaliseJavaScriptFrames",
            "NormaliseNativeFrames",
            "SkipNoiseFrames",
            "PreferInAppFrames",
            "CollapseRepeatedFrames",
            "BuildTitle",
            "ComputeFingerprint",
            "TruncateTitle");
  }

  @Test
  void notes_recordEveryRuleInTheOrderItRan() {
    Signature signature = GENERATOR.generate(npeIn("com.acme.call.Reply.onTimeout"));

    List<String> ruleOfNote =
        signature.notes().stream().map(note -> note.substring(0, note.indexOf(':'))).toList();
    assertThat(ruleOfNote).containsExactlyElementsOf(GENERATOR.ruleNames());
  }

  @Test
  void failingRule_isNotedWithItsName_andThePipelineGoesOn() {
    SignatureGenerator generator =
        new SignatureGenerator(
            standardWith(
                2, throwing("ExplodingRule", new IllegalStateException("boom at frame 3"))));

    Signature signature = generator.generate(npeIn("com.acme.call.Reply.onTimeout"));

    assertThat(signature.notes()).contains("rule ExplodingRule failed: boom at frame 3");
    assertThat(signature.title())
        .isEqualTo("java.lang.NullPointerException: at com.acme.call.Reply.onTimeout");
    assertThat(signature.fingerprint())
        .isEqualTo(GENERATOR.generate(npeIn("com.acme.call.Reply.onTimeout")).fingerprint());
    assertThat(signature.notes().get(signature.notes().size() - 1)).startsWith("TruncateTitle:");
  }

  @Test
  void failingRule_withoutMessage_isNotedWithTheExceptionClass() {
    SignatureGenerator generator =
        new SignatureGenerator(standardWith(0, throwing("Silent", new NullPointerException())));

    Signature signature = generator.generate(CrashInput.empty());

    assertThat(signature.notes()).contains("rule Silent failed: java.lang.NullPointerException");
  }

  @Test
  void failingTitleAndFingerprintRules_stillYieldAnUnknownSignature_withReasons() {
    List<Rule> rules = new ArrayList<>();
    rules.add(throwing("BuildTitle", new IllegalStateException("no title today")));
    rules.add(throwing("ComputeFingerprint", new IllegalStateException("no hash today")));

    Signature signature = new SignatureGenerator(rules).generate(npeIn("com.acme.A.b"));

    assertThat(signature.title()).isEqualTo("unknown");
    assertThat(signature.fingerprint()).hasSize(Signature.FINGERPRINT_HEX_LENGTH);
    assertThat(signature.notes())
        .containsExactly(
            "rule BuildTitle failed: no title today",
            "rule ComputeFingerprint failed: no hash today",
            "SignatureGenerator: no rule produced a title; using 'unknown'",
            "SignatureGenerator: no rule produced a fingerprint; using the 'unknown' fingerprint");
  }

  @Test
  void ruleThatOverflowsTheStack_isNotedAndThePipelineGoesOn() {
    Rule recursive =
        new Rule() {
          @Override
          public void apply(SignatureState state) {
            apply(state);
          }

          @Override
          public String name() {
            return "Recursive";
          }
        };

    Signature signature =
        new SignatureGenerator(standardWith(0, recursive)).generate(npeIn("com.acme.A.b"));

    assertThat(signature.notes()).anyMatch(note -> note.startsWith("rule Recursive failed: "));
    assertThat(signature.title()).isEqualTo("java.lang.NullPointerException: at com.acme.A.b");
  }

  @Test
  void emptyPipeline_isRejected() {
    assertThatThrownBy(() -> new SignatureGenerator(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one rule");
  }

  @Test
  void fingerprint_isNotTheTitlesHash_sameTopFrameDifferentCallers_differ() {
    Signature fromDial =
        GENERATOR.generate(npeIn("com.acme.call.Reply.onTimeout", "com.acme.call.Dialer.dial"));
    Signature fromHangUp =
        GENERATOR.generate(npeIn("com.acme.call.Reply.onTimeout", "com.acme.call.Dialer.hangUp"));

    assertThat(fromDial.title()).isEqualTo(fromHangUp.title());
    assertThat(fromDial.fingerprint()).isNotEqualTo(fromHangUp.fingerprint());
  }

  @Test
  void recursionDepth_doesNotChangeTheFingerprint() {
    Signature shallow =
        GENERATOR.generate(
            npeIn("com.acme.Tree.visit", "com.acme.Tree.visit", "com.acme.App.main"));
    Signature deep =
        GENERATOR.generate(
            npeIn(
                "com.acme.Tree.visit",
                "com.acme.Tree.visit",
                "com.acme.Tree.visit",
                "com.acme.Tree.visit",
                "com.acme.Tree.visit",
                "com.acme.App.main"));

    assertThat(deep.fingerprint()).isEqualTo(shallow.fingerprint());
    assertThat(deep.notes()).contains("CollapseRepeatedFrames: collapsed 4 repeated frames");
  }

  @Test
  void fingerprint_onlyTopThreeFramesCount() {
    Signature a =
        GENERATOR.generate(npeIn("com.acme.A.a", "com.acme.B.b", "com.acme.C.c", "com.acme.D.d"));
    Signature b =
        GENERATOR.generate(npeIn("com.acme.A.a", "com.acme.B.b", "com.acme.C.c", "com.acme.E.e"));

    assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
  }

  @Test
  void fingerprint_isLowercaseHex_andStableAcrossGenerators() {
    Signature once = GENERATOR.generate(npeIn("com.acme.A.a"));
    Signature again = SignatureGenerator.standard().generate(npeIn("com.acme.A.a"));

    assertThat(once.fingerprint()).matches("[0-9a-f]{32}").isEqualTo(again.fingerprint());
  }

  @Test
  void longTitle_isCutTo255Characters_withANote() {
    String longMethod = "handle" + "X".repeat(400);

    Signature signature = GENERATOR.generate(npeIn("com.acme.Big." + longMethod));

    assertThat(signature.title()).hasSize(Signature.MAX_TITLE_LENGTH).endsWith("...");
    int full = ("java.lang.NullPointerException: at com.acme.Big." + longMethod).length();
    assertThat(signature.notes())
        .contains("TruncateTitle: title cut from " + full + " to 255 characters");
  }

  @Test
  void exceptionWithoutAnything_fallsBackToTheMessage() {
    CrashInput input =
        new CrashInput("java", List.of(new CrashException(null, " ", null, null)), "Disk 3 full");

    Signature signature = GENERATOR.generate(input);

    assertThat(signature.title()).isEqualTo("Disk <n> full");
    assertThat(signature.notes())
        .contains("ChooseRootCause: none of the 1 exceptions has a type, value or frame");
  }

  @Test
  void exceptionWithoutType_isTitledAsUnknownException() {
    CrashInput input =
        CrashInput.of(
            "java",
            new CrashException(
                null, "boom", null, List.of(StackFrame.java("com.acme.A", "run", 3))));

    assertThat(GENERATOR.generate(input).title())
        .isEqualTo("<unknown exception>: at com.acme.A.run");
  }

  @Test
  void rootCauseWithoutFrames_takesTheFramesOfTheNearestOuterException() {
    CrashException root = new CrashException("SQLException", "deadlock", "java.sql", List.of());
    CrashException outer =
        new CrashException(
            "RuntimeException",
            "wrapped",
            "java.lang",
            List.of(StackFrame.java("com.acme.db.Orders", "save", 12)));

    Signature signature = GENERATOR.generate(new CrashInput("java", List.of(root, outer)));

    assertThat(signature.title()).isEqualTo("java.sql.SQLException: at com.acme.db.Orders.save");
    assertThat(signature.notes())
        .anyMatch(
            note ->
                note.contains(
                    "taken from java.lang.RuntimeException because the root cause has none"));
  }

  @Test
  void frameWithNothingButALineNumber_isTitledUnknown_andDoesNotFail() {
    CrashInput input =
        CrashInput.of(
            "java",
            CrashException.of("Boom", null, List.of(StackFrame.builder().lineno(3).build())));

    Signature signature = GENERATOR.generate(input);

    assertThat(signature.title()).isEqualTo("Boom: at <unknown>");
    assertThat(signature.notes()).noneMatch(note -> note.startsWith("rule "));
  }

  @Test
  void nullInput_isRejected() {
    assertThatThrownBy(() -> GENERATOR.generate(null)).isInstanceOf(NullPointerException.class);
  }
}
