/**
 * Crash signatures: groups crashes from beta users' apps so that the same bug in two builds lands
 * in one group, with a title a release manager can read.
 *
 * <p>Map an event onto a {@link dev.gonogo.feedback.signature.CrashInput} (frames oldest call
 * first, exceptions root cause first, as Sentry sends them) and call {@link
 * dev.gonogo.feedback.signature.SignatureGenerator#generate}. The result's {@code fingerprint}
 * identifies the group; its {@code notes} explain how it was reached.
 *
 * <p>The pipeline's rules and the skip lists ({@code skip-java.txt}, {@code skip-javascript.txt},
 * {@code skip-native.txt} in this package's resources) live in {@code internal}; they are not API.
 */
package dev.gonogo.feedback.signature;
