package dev.gonogo.feedback.signature.internal;

import dev.gonogo.feedback.signature.CrashException;
import dev.gonogo.feedback.signature.CrashInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The mutable working state one crash's pipeline passes from rule to rule. Created per crash, used
 * by one thread.
 *
 * <p>{@link #frames()} is ordered <strong>crashing frame first</strong> (the reverse of the input),
 * so "the top frame" is {@code frames().get(0)}.
 */
public final class SignatureState {
  private final CrashInput input;
  private final List<String> notes = new ArrayList<>();
  private List<WorkingFrame> frames = List.of();
  private CrashException exception;
  private String exceptionType;
  private String message;
  private String title;
  private List<String> components;
  private String fingerprint;
  private String currentRule = "pipeline";

  public SignatureState(CrashInput input) {
    this.input = Objects.requireNonNull(input, "input");
  }

  public CrashInput input() {
    return input;
  }

  /** Starts attributing notes to {@code ruleName}. */
  public void enterRule(String ruleName) {
    this.currentRule = ruleName;
  }

  /** Records what the current rule decided, as {@code <rule>: <text>}. */
  public void note(String text) {
    notes.add(currentRule + ": " + text);
  }

  /** Records a rule's failure exactly as {@code rule <name> failed: <message>}. */
  public void noteFailure(String ruleName, String message) {
    notes.add("rule " + ruleName + " failed: " + message);
  }

  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** The exception chosen to group on, or {@code null} when there is none. */
  public CrashException exception() {
    return exception;
  }

  /** The chosen exception's type, qualified with its module when sent apart; may be null. */
  public String exceptionType() {
    return exceptionType;
  }

  public void chooseException(CrashException exception, String qualifiedType) {
    this.exception = exception;
    this.exceptionType = qualifiedType;
  }

  /** The frames still in play, crashing frame first; unmodifiable. */
  public List<WorkingFrame> frames() {
    return frames;
  }

  public void frames(List<WorkingFrame> frames) {
    this.frames = List.copyOf(frames);
  }

  /** The normalised log message of an exception-less event, or {@code null}. */
  public String message() {
    return message;
  }

  public void message(String message) {
    this.message = message;
  }

  public String title() {
    return title;
  }

  public void title(String title) {
    this.title = title;
  }

  /** What the fingerprint was hashed from, or {@code null} before it was computed. */
  public List<String> components() {
    return components;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public void fingerprint(List<String> components, String fingerprint) {
    this.components = List.copyOf(components);
    this.fingerprint = fingerprint;
  }
}
