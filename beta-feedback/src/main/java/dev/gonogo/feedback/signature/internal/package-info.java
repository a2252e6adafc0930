/**
 * The signature pipeline: the {@link dev.gonogo.feedback.signature.internal.Rule}s in their
 * declared order ({@link dev.gonogo.feedback.signature.internal.StandardRules}), the working state
 * they share, the per-platform name normalisers and the skip-list reader. Not API: may change
 * without notice. Changing what a rule does regroups crashes — update the golden cases under {@code
 * src/test/resources/signatures} in the same change and say why.
 */
package dev.gonogo.feedback.signature.internal;
