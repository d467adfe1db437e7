package io.backforge.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketGivesItsBurstThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(3, 60, 0);

    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isEqualTo(SECOND);
  }

  @Test
  void tokensComeBackAtTheConfiguredRateAndNeverBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(2, 6, 0);
    bucket.take(0);
    bucket.take(0);

    assertThat(bucket.take(4 * SECOND)).isEqualTo(6 * SECOND);
    assertThat(bucket.take(10 * SECOND)).isZero();
    assertThat(bucket.take(3600 * SECOND)).isZero();
    assertThat(bucket.take(3600 * SECOND)).isZero();
    assertThat(bucket.take(3600 * SECOND)).isPositive();
  }
}
