package dev.gonogo.feedback.signature.internal;

/**
 * Normalises JavaScript file and function names; see {@link JavaScriptNames} for what is removed
 * and why.
 */
final class NormaliseJavaScriptFrames extends FrameNormaliser {

  NormaliseJavaScriptFrames() {
    super(PlatformFamily.JAVASCRIPT);
  }

  @Override
  void normalise(WorkingFrame frame) {
    frame.module(JavaScriptNames.file(frame.module()));
    frame.function(JavaScriptNames.function(frame.function()));
  }
}
