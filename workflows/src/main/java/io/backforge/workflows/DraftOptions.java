package io.backforge.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The timeouts and retry policy of {@link SpecDraftWorkflowImpl}'s one activity, all bounded by the
 * model's timeout, since a person waits for the answer: {@link #workflowTimeout} is how long.
 */
public final class DraftOptions {

  /**
   * How long a draft waits for a worker of the {@link TaskQueues#AI} queue with a free model slot
   * before it is answered as unavailable.
   */
  public static final Duration SCHEDULE_TO_START = Duration.ofSeconds(15);

  /** What an attempt may take beyond the model's own timeout (validating, recording usage). */
  static final Duration ATTEMPT_MARGIN = Duration.ofSeconds(5);

  /** Time for retries after quick failures (429, 5xx) within one draft. */
  static final Duration RETRY_ROOM = Duration.ofSeconds(15);

  /** Time for the workflow's own tasks around the activity. */
  static final Duration WORKFLOW_MARGIN = Duration.ofSeconds(10);

  /** The model's timeout when the request names none. */
  static final Duration DEFAULT_MODEL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A draft's model call: up to 4 attempts, backing off from 1 s to 10 s, within the draft's
   * schedule-to-close bound; a refused key or request, or an answer not in the requested shape, is
   * not retried.
   */
  static final RetryOptions DRAFT_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(10))
          .setMaximumAttempts(4)
          .setDoNotRetry(
              EnrichmentActivities.AI_AUTHENTICATION,
              EnrichmentActivities.AI_BAD_REQUEST,
              DraftActivities.AI_MALFORMED_ANSWER)
          .build();

  private DraftOptions() {}

  /** One attempt: the model's timeout and {@link #ATTEMPT_MARGIN}. */
  public static Duration startToClose(Duration modelTimeout) {
    return modelTimeout.plus(ATTEMPT_MARGIN);
  }

  /** Every attempt together, the wait for a worker included. */
  public static Duration scheduleToClose(Duration modelTimeout) {
    return SCHEDULE_TO_START.plus(startToClose(modelTimeout)).plus(RETRY_ROOM);
  }

  /**
   * The draft workflow's execution timeout, and how long the web process waits for its result: the
   * activity's {@link #scheduleToClose} and {@link #WORKFLOW_MARGIN} (105 s for the default 60 s).
   */
  public static Duration workflowTimeout(Duration modelTimeout) {
    return scheduleToClose(modelTimeout).plus(WORKFLOW_MARGIN);
  }

  /** {@code millis} as the model's timeout, or the default one when not positive. */
  static Duration modelTimeout(long millis) {
    return millis > 0 ? Duration.ofMillis(millis) : DEFAULT_MODEL_TIMEOUT;
  }

  /**
   * The draft activity, on the {@link TaskQueues#AI} queue, unavailable when no worker takes it
   * within {@code scheduleToStart}; it heartbeats.
   */
  static DraftActivities activities(Duration modelTimeout, Duration scheduleToStart) {
    return Workflow.newActivityStub(
        DraftActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.AI)
            .setScheduleToStartTimeout(scheduleToStart)
            .setStartToCloseTimeout(startToClose(modelTimeout))
            .setScheduleToCloseTimeout(scheduleToClose(modelTimeout))
            .setHeartbeatTimeout(GenerationOptions.HEARTBEAT_TIMEOUT)
            .setRetryOptions(DRAFT_RETRY)
            .build());
  }
}
