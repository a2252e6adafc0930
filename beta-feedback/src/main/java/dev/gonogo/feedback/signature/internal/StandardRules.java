package dev.gonogo.feedback.signature.internal;

import dev.gonogo.feedback.signature.Signature;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The signature pipeline in its declared order, with the bundled skip lists. Each step's reason is
 * on its class.
 *
 * <ol>
 *   <li>{@link ChooseRootCause} — the exception to group on, its frames crashing-frame first;
 *   <li>{@link NormaliseMessage} — for an exception-less event, its normalised message;
 *   <li>{@link NormaliseJavaFrames}, {@link NormaliseJavaScriptFrames}, {@link
 *       NormaliseNativeFrames} — names without build- and run-specific parts; before skipping, so
 *       skip lists match stable names;
 *   <li>{@link SkipNoiseFrames} — drop plumbing listed in the skip-list files;
 *   <li>{@link PreferInAppFrames} — keep the app's own frames when there are any;
 *   <li>{@link CollapseRepeatedFrames} — recursion and proxies count once;
 *   <li>{@link BuildTitle} — {@code <type>: at <top frame>};
 *   <li>{@link ComputeFingerprint} — hash of the type and the top {@value #TOP_FRAMES} frames;
 *   <li>{@link TruncateTitle} — at most {@value Signature#MAX_TITLE_LENGTH} characters; last.
 * </ol>
 */
public final class StandardRules {
  /** How many of the chosen frames, from the top, identify a group. */
  public static final int TOP_FRAMES = 3;

  private static final String LISTS = "/dev/gonogo/feedback/signature/";

  private StandardRules() {}

  /** The bundled skip list of a family, e.g. {@code skip-java.txt}. */
  public static String skipListResource(PlatformFamily family) {
    return LISTS + "skip-" + family.label() + ".txt";
  }

  /**
   * A new pipeline reading the bundled skip lists.
   *
   * @throws IllegalStateException when a bundled list is missing or invalid — a packaging error
   *     that must stop the service at startup, not show up as odd signatures
   */
  public static List<Rule> create() {
    Map<PlatformFamily, SkipList> lists = new EnumMap<>(PlatformFamily.class);
    for (PlatformFamily family :
        List.of(PlatformFamily.JAVA, PlatformFamily.JAVASCRIPT, PlatformFamily.NATIVE)) {
      lists.put(family, SkipList.fromResource(skipListResource(family)));
    }
    return List.of(
        new ChooseRootCause(),
        new NormaliseMessage(),
        new NormaliseJavaFrames(),
        new NormaliseJavaScriptFrames(),
        new NormaliseNativeFrames(),
        new SkipNoiseFrames(lists),
        new PreferInAppFrames(),
        new CollapseRepeatedFrames(),
        new BuildTitle(),
        new ComputeFingerprint(TOP_FRAMES),
        new TruncateTitle(Signature.MAX_TITLE_LENGTH));
  }
}
