package dev.gonogo.feedback.signature.internal;

/**
 * Normalises native symbols and binary names; see {@link NativeNames} for what is removed and why.
 * Instruction addresses never reach a signature: frames are known by binary and function.
 */
final class NormaliseNativeFrames extends FrameNormaliser {

  NormaliseNativeFrames() {
    super(PlatformFamily.NATIVE);
  }

  @Override
  void normalise(WorkingFrame frame) {
    frame.module(NativeNames.binary(frame.module()));
    frame.function(NativeNames.function(frame.function()));
  }
}
