package io.backforge.activities.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.pack.StackPacks;
import io.backforge.workflows.GenerationOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerificationLimitsTests {

  private final AtomicLong clock = new AtomicLong();
  private final VerificationLimits limits =
      VerificationLimits.start(Duration.ofMinutes(9), clock::get);

  @Test
  void aStepsLimitIsItsFloorPlusAnAllowancePerUnit() {
    VerificationLimits.Limit limit =
        limits.limit("pytest", Duration.ofMinutes(2), Duration.ofMillis(100), 1200, "tests");

    assertThat(limit.duration()).isEqualTo(Duration.ofMinutes(4));
    assertThat(limit.exceeded())
        .isEqualTo("pytest did not finish within 4 min (its limit for 1200 tests)");
  }

  @Test
  void aLimitIsCutToWhatIsLeftOfTheOverallLimitAndSaysSo() {
    clock.set(Duration.ofMinutes(6).plusSeconds(40).toNanos());

    VerificationLimits.Limit limit =
        limits.limit("pytest", Duration.ofMinutes(2), Duration.ofMillis(100), 8000, "tests");

    assertThat(limit.duration()).isEqualTo(Duration.ofMinutes(2).plusSeconds(20));
    assertThat(limit.exceeded())
        .isEqualTo(
            "pytest did not finish within 2 min 20 s (what was left of the verification's"
                + " overall limit of 9 min; its own limit for 8000 tests would be 15 min 20 s)");
  }

  @Test
  void aStepStartedAfterTheOverallLimitStillGetsALimitThatStopsIt() {
    clock.set(Duration.ofMinutes(10).toNanos());

    VerificationLimits.Limit limit =
        limits.limit("black", Duration.ofMinutes(2), Duration.ZERO, 0, "Python files");

    assertThat(limit.duration()).isEqualTo(VerificationLimits.LEAST);
  }

  @Test
  void theChecksAndTheContractCheckAfterThemFitInsideTheVerifyActivitysTimeout() {
    assertThat(
            VerificationLimits.OVERALL
                .plus(
                    StackPacks.all().stream()
                        .map(pack -> pack.verificationRecipe().contract().startup())
                        .max(Comparator.naturalOrder())
                        .orElseThrow())
                .plus(ContractCheck.LIMIT)
                .plus(Duration.ofSeconds(30)))
        .isLessThanOrEqualTo(GenerationOptions.VERIFY_START_TO_CLOSE);
  }
}
