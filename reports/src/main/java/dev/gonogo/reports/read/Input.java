package dev.gonogo.reports.read;

import java.util.Objects;

/**
 * What one input of the verdict gave: its value, or why there is none. A reader never throws for a
 * missing, empty or unreadable input; it answers with a {@link Problem} and a message naming what
 * it tried, so the verdict can turn it into an INCONCLUSIVE finding.
 *
 * @param name the input's name as the command line spells it, e.g. {@code --load-candidate}
 * @param source the path or URL read; may be empty when the input was not given
 * @param value the value; null exactly when {@code problem} is not null
 * @param problem why there is no value
 * @param message what was tried and what went wrong; null when there is a value
 */
public record Input<T>(String name, String source, T value, Problem problem, String message) {
  /** Why an input has no value. */
  public enum Problem {
    /** The input was not given at all (only a problem for inputs the verdict requires). */
    NOT_GIVEN,
    /** The path does not exist, or the server answered 404 for the release. */
    MISSING,
    /** It exists but holds nothing: an empty folder, zero tests, zero requests. */
    EMPTY,
    /** It exists but could not be parsed, or the server refused it. */
    UNREADABLE,
    /** The server could not be reached. */
    UNREACHABLE
  }

  public Input {
    Objects.requireNonNull(name, "name");
    source = source == null ? "" : source;
    if ((value == null) == (problem == null)) {
      throw new IllegalArgumentException(
          "input " + name + " has either a value or a problem, not both or neither");
    }
    if (problem != null && (message == null || message.isBlank())) {
      throw new IllegalArgumentException("input " + name + " needs a message for " + problem);
    }
  }

  public static <T> Input<T> of(String name, String source, T value) {
    return new Input<>(name, source, Objects.requireNonNull(value, "value"), null, null);
  }

  public static <T> Input<T> failed(String name, String source, Problem problem, String message) {
    return new Input<>(name, source, null, Objects.requireNonNull(problem, "problem"), message);
  }

  public boolean isPresent() {
    return value != null;
  }
}
