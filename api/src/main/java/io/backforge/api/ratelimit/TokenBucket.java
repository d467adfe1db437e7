package io.backforge.api.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, starts full and gains {@code perMinute}
 * tokens a minute. Thread-safe.
 */
final class TokenBucket {

  private static final double NANOS_PER_MINUTE = 60e9;

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long refilledAt;

  TokenBucket(int capacity, int perMinute, long now) {
    this.capacity = Math.max(1, capacity);
    this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
    this.tokens = this.capacity;
    this.refilledAt = now;
  }

  /**
   * Takes one token at {@code now} (nanoseconds, any origin); answers {@code 0} when it was taken,
   * otherwise the nanoseconds until one will be there (nothing is taken then).
   */
  synchronized long take(long now) {
    tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / tokensPerNano);
  }
}
