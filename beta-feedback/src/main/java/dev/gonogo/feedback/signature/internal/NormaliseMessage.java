package dev.gonogo.feedback.signature.internal;

/**
 * For an event without exception, groups on its log message with per-occurrence data (numbers, ids,
 * addresses, timestamps) replaced; see {@link Messages}. Does nothing when an exception was chosen:
 * an exception's type and frames group better than any text.
 */
final class NormaliseMessage implements Rule {

  @Override
  public void apply(SignatureState state) {
    if (state.exception() != null) {
      state.note("not used: the crash has an exception");
      return;
    }
    String message = Messages.normalise(state.input().message());
    if (message == null) {
      state.note("the crash has no message either");
      return;
    }
    state.message(message);
    state.note("grouping on the normalised message");
  }
}
