/**
 * Scrubbing of personal data from crash events, sessions and user feedback before they are stored:
 * {@link dev.gonogo.feedback.scrub.Scrubber} applies {@link
 * dev.gonogo.feedback.scrub.ScrubSettings} and reports a {@link
 * dev.gonogo.feedback.scrub.ScrubResult}.
 *
 * <p>Modelled on Sentry's server-side scrubbing and Relay's default PII rules ({@code @password},
 * {@code @email}, {@code @ip}, {@code @creditcard}), with these choices:
 *
 * <ul>
 *   <li><b>Over-scrub free text, never structure.</b> Identifiers, releases, versions and
 *       timestamps are on the safe list and kept verbatim; a release {@code 10.0.0.1} survives in
 *       {@code release} or {@code app_version}, but the same text inside a message is replaced as
 *       an IP address, because there it cannot be told from one.
 *   <li><b>Card numbers need evidence.</b> 13-19 digits alone are not enough: the number must also
 *       pass the Luhn check and start like a card of a major network, and must not be glued to
 *       letters, dots or dashes. Numbers in JSON number form are never pattern-scanned.
 *   <li><b>Keys are words, not substrings, when short.</b> Sensitive entries of four characters or
 *       fewer ({@code auth}, {@code pwd}, {@code ssn}) match only whole words of a key, so {@code
 *       author} and {@code classname} survive while {@code X-Auth-Token} does not.
 *   <li><b>Replace, keep shape.</b> Values become {@code [Filtered]}, {@code [email]}, {@code [ip]}
 *       or {@code [creditcard]} so a reader sees that something was there; only the fields holding
 *       the sender's IP address are removed outright.
 *   <li><b>Fail closed.</b> A rule that throws makes {@code scrub} throw; the item is not stored
 *       half-scrubbed, and the message never contains the data.
 * </ul>
 */
package dev.gonogo.feedback.scrub;
