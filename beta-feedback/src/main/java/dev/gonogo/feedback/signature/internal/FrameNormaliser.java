package dev.gonogo.feedback.signature.internal;

/**
 * A rule that rewrites the names of one platform family's frames in place; frames of other families
 * are left to their own normaliser.
 */
abstract class FrameNormaliser implements Rule {
  private final PlatformFamily family;

  FrameNormaliser(PlatformFamily family) {
    this.family = family;
  }

  /** Rewrites the frame's module and function. */
  abstract void normalise(WorkingFrame frame);

  @Override
  public final void apply(SignatureState state) {
    int seen = 0;
    int changed = 0;
    String example = null;
    for (WorkingFrame frame : state.frames()) {
      if (frame.family() != family) {
        continue;
      }
      seen++;
      String before = frame.groupingKey();
      normalise(frame);
      String after = frame.groupingKey();
      if (!before.equals(after)) {
        changed++;
        if (example == null) {
          example = before + " → " + after;
        }
      }
    }
    if (seen == 0) {
      state.note("no " + family.label() + " frames");
    } else if (changed == 0) {
      state.note(seen + " " + family.label() + " frames, none needed rewriting");
    } else {
      state.note(
          "rewrote " + changed + " of " + seen + " " + family.label() + " frames, e.g. " + example);
    }
  }
}
