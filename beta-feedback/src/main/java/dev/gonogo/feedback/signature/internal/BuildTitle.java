package dev.gonogo.feedback.signature.internal;

/**
 * Builds the title a release manager reads:
 *
 * <ul>
 *   <li>{@code <exception type>: at <top frame>}, e.g. {@code java.lang.NullPointerException: at
 *       com.acme.call.Reply.onTimeout}, {@code TypeError: at renderProfile (main.js)}, {@code
 *       SIGSEGV: at Renderer::drawFrame (libapp.so)};
 *   <li>the exception type alone when no frame is left;
 *   <li>the normalised message for an event without exception;
 *   <li>{@value #UNKNOWN} when the crash carries nothing to group on, with the reason in a note.
 * </ul>
 *
 * The exception's value (message) is left out: it often holds per-occurrence data and would make
 * titles of one group differ.
 */
final class BuildTitle implements Rule {
  static final String UNKNOWN = "unknown";
  static final String UNKNOWN_TYPE = "<unknown exception>";

  @Override
  public void apply(SignatureState state) {
    String title;
    if (state.exception() != null) {
      String type = state.exceptionType() != null ? state.exceptionType() : UNKNOWN_TYPE;
      if (state.frames().isEmpty()) {
        title = type;
        state.note("no frame left; the title is the exception type alone");
      } else {
        title = type + ": at " + state.frames().get(0).displayName();
        state.note("the title names the exception type and the top frame");
      }
    } else if (state.message() != null) {
      title = state.message();
      state.note("no exception; the title is the normalised message");
    } else {
      title = UNKNOWN;
      state.note("unknown: the crash has neither an exception nor a message to group on");
    }
    state.title(Names.clean(title));
  }
}
