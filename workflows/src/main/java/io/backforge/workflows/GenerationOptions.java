package io.backforge.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The timeouts and retry policies of every step of {@link ProjectGenerationWorkflowImpl}, and the
 * activity stubs built from them; the attempt maximum a step's progress reports is its own policy's
 * ({@link #maximumAttempts}).
 */
public final class GenerationOptions {

  /**
   * How long a heartbeating activity (scaffold, enrichment, verification) may go silent before it
   * is retried on another worker: how soon a dead worker's step is noticed. They heartbeat every
   * second; the worker sends at most every 3 seconds.
   */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * One verification attempt: the checks' overall limit (9 minutes), the live contract check after
   * a build (at most 3.5 minutes) and a margin, so a project too large for its limits ends with a
   * verification that names the limit, never with an activity timeout.
   */
  public static final Duration VERIFY_START_TO_CLOSE = Duration.ofMinutes(14);

  /** How long a verification waits for a worker with a toolchain before it is skipped. */
  static final Duration VERIFY_SCHEDULE_TO_START = Duration.ofMinutes(2);

  /** The short steps and the scaffold: 10 attempts, backing off from 1 s to 1 min. */
  static final RetryOptions STEP_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(10)
          .setDoNotRetry(GenerationActivities.INVALID_SPEC, GenerationActivities.PROJECT_NOT_FOUND)
          .build();

  /** Recording the outcome retries until the database answers, unless the project is gone. */
  static final RetryOptions RECORD_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .setDoNotRetry(GenerationActivities.PROJECT_NOT_FOUND)
          .build();

  /** A language model call: 4 attempts; a refused key or request is not retried. */
  static final RetryOptions ENRICH_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(4)
          .setDoNotRetry(
              EnrichmentActivities.AI_AUTHENTICATION, EnrichmentActivities.AI_BAD_REQUEST)
          .build();

  /** A verification: a second attempt, for a worker that died during the first. */
  static final RetryOptions VERIFY_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setMaximumAttempts(2)
          .build();

  static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private GenerationOptions() {}

  /** The attempt maximum of {@code step}'s retry policy. */
  static int maximumAttempts(Step step) {
    return switch (step) {
      case AI_ENRICHMENT -> ENRICH_RETRY.getMaximumAttempts();
      case VERIFY -> VERIFY_RETRY.getMaximumAttempts();
      default -> STEP_RETRY.getMaximumAttempts();
    };
  }

  /**
   * The short steps (validate spec, create features, zip, recording the outcome) with {@code
   * retry}. Since the version marker {@code local-steps} they run as local activities: on the
   * worker that runs the workflow task, recorded as markers in the history. Each remote activity
   * costs a round trip through the server and a workflow task (which replays the whole history
   * without sticky execution); with local steps a generation needs one remote activity, the
   * scaffold, instead of five, which more than halved the platform's work per project
   * (docs/performance.md). Histories recorded before the marker replay on remote ones.
   */
  static GenerationActivities stub(boolean local, RetryOptions retry) {
    return local ? local(retry) : remote(retry);
  }

  /** Short steps run as local activities in the workflow task (since {@code local-steps}). */
  private static GenerationActivities local(RetryOptions retry) {
    return Workflow.newLocalActivityStub(
        GenerationActivities.class,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(STEP_TIMEOUT)
            .setRetryOptions(retry)
            .build());
  }

  /** Short steps as remote activities, as histories recorded before {@code local-steps} have. */
  private static GenerationActivities remote(RetryOptions retry) {
    return Workflow.newActivityStub(
        GenerationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(STEP_TIMEOUT)
            .setRetryOptions(retry)
            .build());
  }

  /** The scaffold: remote, so that a cancellation takes effect while it runs; it heartbeats. */
  static GenerationActivities scaffolder() {
    return Workflow.newActivityStub(
        GenerationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(STEP_TIMEOUT)
            .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
            .setRetryOptions(STEP_RETRY)
            .build());
  }

  /** AI enrichment, on the {@link TaskQueues#AI} queue; it heartbeats. */
  static EnrichmentActivities enrichment() {
    return Workflow.newActivityStub(
        EnrichmentActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.AI)
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
            .setRetryOptions(ENRICH_RETRY)
            .build());
  }

  /**
   * Verification, on the {@link TaskQueues#VERIFY} queue, skipped when no worker with a toolchain
   * takes it within {@code scheduleToStart}; it heartbeats.
   */
  static VerificationActivities verifier(Duration scheduleToStart) {
    return Workflow.newActivityStub(
        VerificationActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.VERIFY)
            .setScheduleToStartTimeout(scheduleToStart)
            .setStartToCloseTimeout(VERIFY_START_TO_CLOSE)
            .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
            .setRetryOptions(VERIFY_RETRY)
            .build());
  }
}
