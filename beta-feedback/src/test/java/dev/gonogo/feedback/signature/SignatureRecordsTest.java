package dev.gonogo.feedback.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureRecordsTest {
  private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef";

  @Test
  void signature_titleOf255Characters_isAccepted() {
    assertThat(new Signature("x".repeat(255), FINGERPRINT, null).notes()).isEmpty();
  }

  @Test
  void signature_titleOf256Characters_isRejected() {
    assertThatThrownBy(() -> new Signature("x".repeat(256), FINGERPRINT, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 characters");
  }

  @Test
  void signature_blankTitle_isRejected() {
    assertThatThrownBy(() -> new Signature(" ", FINGERPRINT, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown");
  }

  @Test
  void signature_fingerprintNotLowercaseHex_isRejected() {
    assertThatThrownBy(() -> new Signature("t", FINGERPRINT.toUpperCase(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 lowercase hex digits");
  }

  @Test
  void signature_notes_areCopied() {
    List<String> notes = new ArrayList<>(List.of("a"));
    Signature signature = new Signature("t", FINGERPRINT, notes);
    notes.add("b");

    assertThat(signature.notes()).containsExactly("a");
  }

  @Test
  void crashException_nullFrames_meanNoFrames() {
    assertThat(new CrashException("E", null, null, null).frames()).isEmpty();
  }

  @Test
  void crashException_nullFrame_isRejectedWithItsIndex() {
    List<StackFrame> frames = Arrays.asList(StackFrame.java("A", "b", 1), null);

    assertThatThrownBy(() -> new CrashException("E", null, null, frames))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frames[1] of exception E is null");
  }

  @Test
  void crashInput_twoArgumentConstructor_hasNoMessage() {
    CrashInput input = new CrashInput("java", null);

    assertThat(input.exceptions()).isEmpty();
    assertThat(input.message()).isNull();
  }

  @Test
  void crashInput_nullException_isRejectedWithItsIndex() {
    assertThatThrownBy(() -> new CrashInput("java", Arrays.asList((CrashException) null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceptions[0] is null");
  }

  @Test
  void stackFrame_builder_setsEveryField() {
    StackFrame frame =
        StackFrame.builder()
            .function("f")
            .module("m")
            .filename("file.js")
            .absPath("/abs/file.js")
            .lineno(1)
            .colno(2)
            .inApp(true)
            .packageName("pkg")
            .instructionAddr("0x1")
            .platform("javascript")
            .build();

    assertThat(frame)
        .isEqualTo(
            new StackFrame(
                "f", "m", "file.js", "/abs/file.js", 1, 2, true, "pkg", "0x1", "javascript"));
  }
}
