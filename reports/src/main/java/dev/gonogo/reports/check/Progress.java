package dev.gonogo.reports.check;

import java.io.PrintStream;
import java.time.Duration;

/** The release check's progress lines: {@code [3/7] 0:42 replaying the candidate's beta ...}. */
final class Progress {
  private final PrintStream out;
  private final int steps;
  private final long began = System.nanoTime();
  private int step;

  Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Starts the next step. */
  void step(String what) {
    step++;
    out.printf("[%d/%d] %s %s%n", step, steps, elapsed(), what);
    out.flush();
  }

  /** A line within the current step. */
  void detail(String line) {
    out.printf("        %s%n", line);
    out.flush();
  }

  String elapsed() {
    Duration d = Duration.ofNanos(System.nanoTime() - began);
    return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
