package io.backforge.activities.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.ai.AiProperties;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AiWorkerOptionsTests {

  private final WorkerOptions base =
      WorkerOptions.newBuilder()
          .setMaxConcurrentActivityExecutionSize(16)
          .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
          .build();

  @Test
  void theAiWorkerTakesItsRateLimitsAndConcurrencyFromConfiguration() {
    AiProperties ai =
        new AiProperties(
            "openai", null, null, "m", Duration.ofSeconds(5), 0.5, 2, 3, 5, 1000, true);

    WorkerOptions options = WorkerRunner.aiOptions(base, ai);

    assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(0.5);
    assertThat(options.getMaxWorkerActivitiesPerSecond()).isEqualTo(2);
    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(3);
    assertThat(options.getStickyQueueScheduleToStartTimeout()).isEqualTo(Duration.ZERO);
  }

  @Test
  void zeroMeansNoRateLimit() {
    AiProperties ai =
        new AiProperties("openai", null, null, "m", Duration.ofSeconds(5), 0, 0, 2, 5, 1000, true);

    WorkerOptions options = WorkerRunner.aiOptions(base, ai);

    assertThat(options.getMaxTaskQueueActivitiesPerSecond()).isZero();
    assertThat(options.getMaxWorkerActivitiesPerSecond()).isZero();
  }
}
