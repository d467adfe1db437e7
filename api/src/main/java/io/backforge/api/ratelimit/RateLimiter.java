package io.backforge.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;

/**
 * One token bucket per user and budget, in a bounded cache: a bucket left alone long enough to be
 * full again is forgotten, and so are the least recently seen users beyond {@code maxUsers}.
 */
final class RateLimiter {

  /** What a limit applies to. */
  enum Budget {
    SUBMISSIONS("project submissions"),
    DRAFTS("spec drafts"),
    PUSHES("git pushes and merges");

    private final String what;

    Budget(String what) {
      this.what = what;
    }
  }

  private record Key(Budget budget, String subject) {}

  private final RateLimitProperties properties;
  private final LongSupplier clock;
  private final Cache<Key, TokenBucket> buckets;

  RateLimiter(RateLimitProperties properties, LongSupplier clock) {
    this.properties = properties;
    this.clock = clock;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(Math.max(1, properties.maxUsers()))
            .expireAfterAccess(refillTime())
            .build();
  }

  /**
   * Takes one unit of {@code budget} for {@code subject}; a {@code 429} problem with {@code
   * Retry-After} (whole seconds, at least 1) when the user's bucket is empty.
   */
  void acquire(String subject, Budget budget) {
    int perMinute = perMinute(budget);
    if (perMinute <= 0) {
      return;
    }
    TokenBucket bucket =
        buckets.get(
            new Key(budget, subject),
            key -> new TokenBucket(burst(budget), perMinute, clock.getAsLong()));
    long waitNanos = bucket.take(clock.getAsLong());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      throw new ProblemException(
          Problems.rateLimited(
              "Too many "
                  + budget.what
                  + ": at most "
                  + perMinute
                  + " a minute (bursts of "
                  + Math.max(1, burst(budget))
                  + "); try again in "
                  + seconds
                  + " s.",
              seconds),
          headers);
    }
  }

  private int perMinute(Budget budget) {
    return switch (budget) {
      case SUBMISSIONS -> properties.submissionsPerMinute();
      case DRAFTS -> properties.draftsPerMinute();
      case PUSHES -> properties.pushesPerMinute();
    };
  }

  private int burst(Budget budget) {
    return switch (budget) {
      case SUBMISSIONS -> properties.submissionBurst();
      case DRAFTS -> properties.draftBurst();
      case PUSHES -> properties.pushBurst();
    };
  }

  /** Long enough for any bucket to fill up again; an evicted bucket comes back full. */
  private Duration refillTime() {
    double minutes = 1;
    for (Budget budget : Budget.values()) {
      if (perMinute(budget) > 0) {
        minutes = Math.max(minutes, (double) Math.max(1, burst(budget)) / perMinute(budget));
      }
    }
    return Duration.ofSeconds((long) Math.ceil(minutes * 60) + 1);
  }
}
