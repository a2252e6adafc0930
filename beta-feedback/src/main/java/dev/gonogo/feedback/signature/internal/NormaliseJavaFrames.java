package dev.gonogo.feedback.signature.internal;

/** Normalises JVM class and method names; see {@link JavaNames} for what is removed and why. */
final class NormaliseJavaFrames extends FrameNormaliser {

  NormaliseJavaFrames() {
    super(PlatformFamily.JAVA);
  }

  @Override
  void normalise(WorkingFrame frame) {
    frame.module(JavaNames.className(frame.module()));
    frame.function(JavaNames.method(frame.function()));
  }
}
