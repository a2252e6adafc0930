package dev.gonogo.feedback.sentry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One quota limit, as the {@code X-Sentry-Rate-Limits} response header tells it to an SDK: {@code
 * retry_after:categories:scope:reason_code}. Send it with a 429 ({@link RejectReason#RATE_LIMITED})
 * and {@code Retry-After}; Sentry also sends it on 200s to warn ahead.
 *
 * <p>SDKs drop data of a limited category until the limit expires. The Java SDK (8.62) knows the
 * categories {@code error} (event items), {@code session}, {@code attachment}, {@code transaction}
 * and {@code profile}; it ignores a limit whose categories it does not know, and never limits
 * user_report, feedback or client_report items unless the category list is empty (all data).
 *
 * @param retryAfter how long the limit lasts; sent as whole seconds, rounded up
 * @param categories data categories such as {@code error} or {@code session}; empty means all
 * @param scope {@code organization}, {@code project} or {@code key}; SDKs ignore it
 * @param reasonCode why, e.g. {@code crash_budget}; SDKs ignore it; may be empty
 */
public record RateLimit(
    Duration retryAfter, List<String> categories, String scope, String reasonCode) {
  /** The response header name. */
  public static final String HEADER = "X-Sentry-Rate-Limits";

  private static final Pattern WORD = Pattern.compile("[a-z0-9_]*");

  public RateLimit {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    categories = List.copyOf(categories);
    for (String category : categories) {
      if (category.isEmpty() || !WORD.matcher(category).matches()) {
        throw new IllegalArgumentException("not a data category: '" + category + "'");
      }
    }
    if (!List.of("organization", "project", "key").contains(scope)) {
      throw new IllegalArgumentException("scope must be organization, project or key: " + scope);
    }
    if (!WORD.matcher(reasonCode).matches()) {
      throw new IllegalArgumentException("reason code must be [a-z0-9_]*: '" + reasonCode + "'");
    }
  }

  /** Whole seconds, rounded up: a limit of 0.2 s is announced as 1 s, never as 0. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
  }

  /** This limit as one entry of the header, e.g. {@code 60:error;default:project:crash_budget}. */
  public String headerPart() {
    String part = retryAfterSeconds() + ":" + String.join(";", categories) + ":" + scope;
    return reasonCode.isEmpty() ? part : part + ":" + reasonCode;
  }

  /** The header value for several limits, separated by {@code ", "}. */
  public static String headerValue(Collection<RateLimit> limits) {
    return limits.stream().map(RateLimit::headerPart).collect(Collectors.joining(", "));
  }

  /** The {@code Retry-After} seconds for a 429: the longest limit; 0 for none. */
  public static long retryAfterSeconds(Collection<RateLimit> limits) {
    return limits.stream().mapToLong(RateLimit::retryAfterSeconds).max().orElse(0);
  }
}
