package dev.gonogo.feedback.ingest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets for crash and error events, per project and per project+release: an event passes
 * only when both buckets hold a token. Sessions never pass through here — release health depends on
 * every one of them. Memory is bounded: at most {@code maxReleases} release buckets are kept, the
 * least recently used dropped first (a dropped bucket restarts full).
 */
public final class RateLimiter {
  /** Rate and burst of one bucket; a rate of 0 means unlimited. */
  public record Limit(double perSecond, double burst) {
    public Limit {
      if (perSecond < 0 || burst < 0) {
        throw new IllegalArgumentException("rate and burst must not be negative");
      }
      if (perSecond > 0 && burst < 1) {
        throw new IllegalArgumentException("a limited bucket needs a burst of at least 1");
      }
    }

    public static Limit unlimited() {
      return new Limit(0, 0);
    }

    boolean isUnlimited() {
      return perSecond == 0;
    }
  }

  /** Allowed, or refused with the seconds after which a token will be there again. */
  public record Decision(boolean allowed, long retryAfterSeconds, String scope) {
    static final Decision ALLOW = new Decision(true, 0, "");
  }

  private static final class Bucket {
    double tokens;
    long updatedMillis;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedMillis = now;
    }

    void refill(Limit limit, long now) {
      double elapsed = Math.max(0, now - updatedMillis) / 1000.0;
      tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond());
      updatedMillis = now;
    }

    long secondsUntilOne(Limit limit) {
      return Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond()));
    }
  }

  private final Limit projectLimit;
  private final Limit releaseLimit;
  private final Clock clock;
  private final Map<String, Bucket> projects = new LinkedHashMap<>();
  private final Map<String, Bucket> releases;

  public RateLimiter(Limit projectLimit, Limit releaseLimit, int maxReleases, Clock clock) {
    this.projectLimit = projectLimit;
    this.releaseLimit = releaseLimit;
    this.clock = clock;
    this.releases =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxReleases;
          }
        };
  }

  /** Takes one token from both buckets, or none when either is empty. */
  public synchronized Decision tryAcquire(String projectId, String release) {
    long now = clock.millis();
    Bucket project = bucket(projects, projectId, projectLimit, now);
    Bucket perRelease = bucket(releases, projectId + '\n' + release, releaseLimit, now);
    if (project != null && project.tokens < 1) {
      return new Decision(false, project.secondsUntilOne(projectLimit), "project");
    }
    if (perRelease != null && perRelease.tokens < 1) {
      return new Decision(false, perRelease.secondsUntilOne(releaseLimit), "release");
    }
    if (project != null) {
      project.tokens -= 1;
    }
    if (perRelease != null) {
      perRelease.tokens -= 1;
    }
    return Decision.ALLOW;
  }

  private static Bucket bucket(Map<String, Bucket> buckets, String key, Limit limit, long now) {
    if (limit.isUnlimited()) {
      return null;
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
    bucket.refill(limit, now);
    return bucket;
  }
}
