package dev.gonogo.feedback.scrub.internal;

/**
 * One kind of personal data found inside a string. Rules run in the order {@link TextScrubber}
 * declares; each sees the output of the previous one.
 */
interface TextRule {
  /** Stable name, used in error messages. */
  String name();

  /**
   * The {@link TextFeatures} bits a string must have for this rule to possibly match; a cheap
   * filter so that most strings are never handed to a regular expression.
   */
  int requiredFeatures();

  /**
   * Replaces every match and counts it.
   *
   * @return {@code text} itself (the same instance) when nothing matched
   */
  String apply(String text, Tally tally);
}
