package dev.gonogo.feedback.signature;

import dev.gonogo.feedback.signature.internal.Fingerprints;
import dev.gonogo.feedback.signature.internal.Rule;
import dev.gonogo.feedback.signature.internal.SignatureState;
import dev.gonogo.feedback.signature.internal.StandardRules;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a crash's {@link Signature} by running an ordered pipeline of small rules over a working
 * state, in the manner of Mozilla Socorro's signature generator.
 *
 * <p>The standard pipeline (see {@code internal.StandardRules} for each step's reasons): choose the
 * root-cause exception → use the message when there is none → normalise Java, JavaScript and native
 * frame names → skip noise frames listed in the bundled skip-list files → prefer in-app frames →
 * collapse repeated frames → build the title → hash the fingerprint → truncate the title.
 *
 * <p>A rule that throws does not fail the crash: the failure is noted as {@code rule <name> failed:
 * <message>}, logged with its stack trace, and the next rule runs on the state as the failed rule
 * left it. Should no rule have produced a title or fingerprint, the signature is {@code unknown}
 * with a note saying so. {@link #generate} therefore always returns a signature.
 *
 * <p>Instances are immutable and thread-safe; create one at startup and share it.
 */
public final class SignatureGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(SignatureGenerator.class);
  private static final String UNKNOWN = "unknown";

  private final List<Rule> rules;

  /** A generator running {@code rules} in list order; for tests and experiments. */
  SignatureGenerator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    if (this.rules.isEmpty()) {
      throw new IllegalArgumentException("a signature pipeline needs at least one rule");
    }
  }

  /**
   * The generator with the standard pipeline and the bundled skip lists.
   *
   * @throws IllegalStateException when a bundled skip list is missing or invalid
   */
  public static SignatureGenerator standard() {
    return new SignatureGenerator(StandardRules.create());
  }

  /** The names of the rules, in the order they run. */
  public List<String> ruleNames() {
    return rules.stream().map(Rule::name).toList();
  }

  /** The signature of {@code crash}; never throws for any content of a non-null input. */
  public Signature generate(CrashInput crash) {
    Objects.requireNonNull(crash, "crash");
    SignatureState state = new SignatureState(crash);
    for (Rule rule : rules) {
      String name = rule.name();
      int notesBefore = state.notes().size();
      state.enterRule(name);
      try {
        rule.apply(state);
        if (state.notes().size() == notesBefore) {
          state.note("no change");
        }
      } catch (RuntimeException | StackOverflowError e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        state.noteFailure(name, message);
        LOG.warn("signature rule {} failed; the pipeline goes on without it", name, e);
      }
    }
    return finish(state);
  }

  private static Signature finish(SignatureState state) {
    state.enterRule("SignatureGenerator");
    String title = state.title();
    if (title == null || title.isBlank()) {
      state.note("no rule produced a title; using '" + UNKNOWN + "'");
      title = UNKNOWN;
    } else if (title.length() > Signature.MAX_TITLE_LENGTH) {
      state.note("the title still had " + title.length() + " characters; cut it");
      title = title.substring(0, Signature.MAX_TITLE_LENGTH);
    }
    String fingerprint = state.fingerprint();
    if (fingerprint == null) {
      state.note("no rule produced a fingerprint; using the '" + UNKNOWN + "' fingerprint");
      fingerprint = Fingerprints.of(List.of(Fingerprints.VERSION, UNKNOWN));
    }
    return new Signature(title, fingerprint, state.notes());
  }
}
