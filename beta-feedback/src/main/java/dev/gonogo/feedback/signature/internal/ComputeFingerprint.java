package dev.gonogo.feedback.signature.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Hashes the grouping components into the fingerprint (see {@link Fingerprints}). The components,
 * after {@link Fingerprints#VERSION}:
 *
 * <ul>
 *   <li>an exception: {@code type:<exception type>} and {@code frame:<grouping key>} for each of
 *       the top {@code N} frames left; without frames, {@code value:<normalised exception value>}
 *       instead, so that two frameless {@code IllegalStateException}s with different messages stay
 *       apart;
 *   <li>no exception: {@code message:<normalised message>};
 *   <li>nothing: {@code unknown}.
 * </ul>
 *
 * The title is not an input: two crashes with the same top frame but different callers get the same
 * title and different fingerprints, and a change in how titles are worded never regroups crashes.
 */
final class ComputeFingerprint implements Rule {
  private final int topFrames;

  ComputeFingerprint(int topFrames) {
    if (topFrames < 1) {
      throw new IllegalArgumentException("topFrames is " + topFrames + "; at least 1 is needed");
    }
    this.topFrames = topFrames;
  }

  @Override
  public void apply(SignatureState state) {
    List<String> components = new ArrayList<>();
    components.add(Fingerprints.VERSION);
    if (state.exception() != null) {
      components.add("type:" + (state.exceptionType() == null ? "" : state.exceptionType()));
      state.frames().stream()
          .limit(topFrames)
          .forEach(frame -> components.add("frame:" + frame.groupingKey()));
      if (state.frames().isEmpty()) {
        String value = Messages.normalise(state.exception().value());
        if (value != null) {
          components.add("value:" + value);
        }
      }
    } else if (state.message() != null) {
      components.add("message:" + state.message());
    } else {
      components.add("unknown");
    }
    state.fingerprint(components, Fingerprints.of(components));
    state.note("hashed " + components.subList(1, components.size()));
  }
}
