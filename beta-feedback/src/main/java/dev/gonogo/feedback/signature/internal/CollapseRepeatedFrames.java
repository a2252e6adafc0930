package dev.gonogo.feedback.signature.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Collapses consecutive frames with the same grouping key into one: recursion ({@code Tree.visit}
 * ×200), and a proxy or bridge frame that normalises to the method it forwards to. Without this,
 * the depth of a recursion or the presence of a proxy would change the top frames and so the
 * fingerprint.
 */
final class CollapseRepeatedFrames implements Rule {

  @Override
  public void apply(SignatureState state) {
    List<WorkingFrame> frames = state.frames();
    List<WorkingFrame> kept = new ArrayList<>();
    String previous = null;
    for (WorkingFrame frame : frames) {
      String key = frame.groupingKey();
      if (!key.equals(previous)) {
        kept.add(frame);
      }
      previous = key;
    }
    if (kept.size() == frames.size()) {
      state.note("no repeated frames");
    } else {
      state.frames(kept);
      state.note("collapsed " + (frames.size() - kept.size()) + " repeated frames");
    }
  }
}
