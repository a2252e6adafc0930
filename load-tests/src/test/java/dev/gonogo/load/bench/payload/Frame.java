package dev.gonogo.load.bench.payload;

import java.util.Objects;

/**
 * One stack frame of a benchmark event, as the Sentry Java SDK reports it.
 *
 * @param module the class, e.g. {@code com.example.shop.ui.cart.CartFragment}
 * @param function the method, e.g. {@code onViewCreated}
 * @param lineno the line; -2 for a native method (Android's marker), written as {@code native}
 * @param inApp whether the frame is the app's own code
 */
public record Frame(String module, String function, int lineno, boolean inApp) {
  public Frame {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(function, "function");
  }

  /**
   * Parses {@code module.Class.method:line}, e.g. {@code android.os.Looper.loop:288}.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static Frame parse(String text, boolean inApp) {
    String t = text.strip();
    int colon = t.lastIndexOf(':');
    int dot = colon < 0 ? -1 : t.lastIndexOf('.', colon);
    if (colon < 0 || dot <= 0 || dot == colon - 1) {
      throw new IllegalArgumentException(
          "frame '"
              + text
              + "': expected module.Class.method:line, e.g. android.os.Looper.loop:288");
    }
    try {
      return new Frame(
          t.substring(0, dot),
          t.substring(dot + 1, colon),
          Integer.parseInt(t.substring(colon + 1)),
          inApp);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("frame '" + text + "': the line is not a number");
    }
  }

  public boolean isNative() {
    return lineno == -2;
  }

  /** {@code CartFragment.kt} for app code, {@code Looper.java} otherwise; empty for native. */
  public String filename() {
    String simple = module.substring(module.lastIndexOf('.') + 1);
    int nested = simple.indexOf('$');
    String outer = nested < 0 ? simple : simple.substring(0, nested);
    return outer + (inApp ? ".kt" : ".java");
  }
}
