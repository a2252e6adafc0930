package dev.gonogo.feedback.signature.internal;

import java.util.List;

/**
 * Keeps only the frames the SDK marked in-app ({@code in_app: true}), when there are any: the
 * application's own code is where a release manager's team can act, and library frames above it
 * differ with library versions. Frames with {@code in_app} unknown count as not in-app. When no
 * frame is in-app, all frames stay (the skip lists have already removed the noise).
 */
final class PreferInAppFrames implements Rule {

  @Override
  public void apply(SignatureState state) {
    List<WorkingFrame> frames = state.frames();
    List<WorkingFrame> inApp = frames.stream().filter(WorkingFrame::inApp).toList();
    if (frames.isEmpty()) {
      state.note("no frames");
    } else if (inApp.isEmpty()) {
      state.note("no frame is marked in-app; keeping all " + frames.size());
    } else if (inApp.size() == frames.size()) {
      state.note("all " + frames.size() + " frames are in-app");
    } else {
      state.frames(inApp);
      state.note("kept the " + inApp.size() + " in-app frames of " + frames.size());
    }
  }
}
