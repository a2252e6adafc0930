package dev.gonogo.feedback.signature.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drops frames that match the family's skip list: plumbing such as reflection, thread pools,
 * framework dispatch, {@code abort}/{@code raise}, and generated proxy classes. Frames of {@link
 * PlatformFamily#OTHER} are checked against every list.
 *
 * <p>Runs <em>before</em> {@link PreferInAppFrames} and on in-app frames too: SDKs mark generated
 * classes as in-app when their package is the app's ({@code com.acme.Reply$$Lambda}, {@code
 * com.acme.ReplyService$$SpringCGLIB}), and a misconfigured SDK may mark everything in-app. When
 * nothing is in-app the skip lists alone decide, as Socorro's irrelevant-signature list does.
 *
 * <p>When every frame matches, all are kept: a signature on plumbing is better than none, and the
 * note says so.
 */
final class SkipNoiseFrames implements Rule {
  private static final int PATTERNS_IN_NOTE = 6;

  private final Map<PlatformFamily, SkipList> lists;

  SkipNoiseFrames(Map<PlatformFamily, SkipList> lists) {
    this.lists = new EnumMap<>(lists);
  }

  @Override
  public void apply(SignatureState state) {
    List<WorkingFrame> frames = state.frames();
    List<WorkingFrame> kept = new ArrayList<>();
    Map<String, Integer> hits = new LinkedHashMap<>();
    for (WorkingFrame frame : frames) {
      Optional<String> pattern = match(frame);
      if (pattern.isPresent()) {
        hits.merge(pattern.get(), 1, Integer::sum);
      } else {
        kept.add(frame);
      }
    }
    if (hits.isEmpty()) {
      state.note(frames.isEmpty() ? "no frames" : "no frame matches the skip lists");
    } else if (kept.isEmpty()) {
      state.note(
          "all "
              + frames.size()
              + " frames match the skip lists ("
              + summary(hits)
              + "); keeping them rather than none");
    } else {
      state.frames(kept);
      int skipped = frames.size() - kept.size();
      state.note("skipped " + skipped + " of " + frames.size() + " frames: " + summary(hits));
    }
  }

  private Optional<String> match(WorkingFrame frame) {
    if (frame.family() != PlatformFamily.OTHER) {
      SkipList list = lists.get(frame.family());
      return list == null ? Optional.empty() : list.firstMatch(frame.matchCandidates());
    }
    for (SkipList list : lists.values()) {
      Optional<String> pattern = list.firstMatch(frame.matchCandidates());
      if (pattern.isPresent()) {
        return pattern;
      }
    }
    return Optional.empty();
  }

  private static String summary(Map<String, Integer> hits) {
    String shown =
        hits.entrySet().stream()
            .limit(PATTERNS_IN_NOTE)
            .map(
                hit ->
                    hit.getValue() == 1 ? hit.getKey() : hit.getKey() + " (" + hit.getValue() + ")")
            .collect(Collectors.joining(", "));
    return hits.size() > PATTERNS_IN_NOTE
        ? shown + " and " + (hits.size() - PATTERNS_IN_NOTE) + " more patterns"
        : shown;
  }
}
