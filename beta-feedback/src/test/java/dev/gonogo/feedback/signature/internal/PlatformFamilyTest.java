package dev.gonogo.feedback.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gonogo.feedback.signature.StackFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformFamilyTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "java, JAVA",
        "android, JAVA",
        "Kotlin, JAVA",
        "javascript, JAVASCRIPT",
        "node, JAVASCRIPT",
        "native, NATIVE",
        "cocoa, NATIVE",
        "python, OTHER",
        "null, OTHER"
      })
  void named_mapsSdkPlatforms(String platform, PlatformFamily family) {
    assertThat(PlatformFamily.named(platform)).isEqualTo(family);
  }

  @Test
  void framePlatform_overridesTheCrashPlatform() {
    StackFrame nativeFrame = StackFrame.builder().function("abort").platform("native").build();

    assertThat(PlatformFamily.of(nativeFrame, "java")).isEqualTo(PlatformFamily.NATIVE);
  }

  @Test
  void unknownPlatform_isInferredFromTheFrame() {
    assertThat(PlatformFamily.of(StackFrame.builder().filename("Reply.java").build(), null))
        .isEqualTo(PlatformFamily.JAVA);
    assertThat(
            PlatformFamily.of(
                StackFrame.builder().absPath("https://cdn.acme.com/main.3f9a1c.js?v=1").build(),
                "unknown"))
        .isEqualTo(PlatformFamily.JAVASCRIPT);
    assertThat(PlatformFamily.of(StackFrame.builder().instructionAddr("0x1f").build(), null))
        .isEqualTo(PlatformFamily.NATIVE);
    assertThat(PlatformFamily.of(StackFrame.builder().function("run").build(), null))
        .isEqualTo(PlatformFamily.OTHER);
  }
}
