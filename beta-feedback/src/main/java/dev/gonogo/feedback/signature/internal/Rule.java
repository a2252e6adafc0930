package dev.gonogo.feedback.signature.internal;

/**
 * One step of signature generation. Rules run in the order the pipeline declares, each reading and
 * changing the shared {@link SignatureState}; a rule that throws is noted as failed and the next
 * rule runs. Rules are stateless and thread-safe: one instance serves every crash.
 */
public interface Rule {

  /** The name used in notes; by default the class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * Applies the rule. Explain what was decided with {@link SignatureState#note(String)}: notes are
   * how a release manager learns why two crashes group together, or do not.
   */
  void apply(SignatureState state);
}
