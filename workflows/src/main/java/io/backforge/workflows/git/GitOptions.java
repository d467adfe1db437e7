package io.backforge.workflows.git;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The timeouts and retry policy of {@link GitPushWorkflowImpl}'s activities. */
public final class GitOptions {

  /** One attempt: fetch, commit and push of one generation. */
  static final Duration START_TO_CLOSE = Duration.ofMinutes(2);

  /** Every attempt together: a remote down for longer than this fails the push. */
  static final Duration SCHEDULE_TO_CLOSE = Duration.ofMinutes(10);

  /**
   * A push: backing off from 2 s to 1 min within {@link #SCHEDULE_TO_CLOSE}; an unreachable remote
   * or a timeout is retried, a refused remote, credential or non-fast-forward is not.
   */
  static final RetryOptions PUSH_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(8)
          .setDoNotRetry(
              GitActivities.GIT_REMOTE_REFUSED,
              GitActivities.GIT_AUTHENTICATION,
              GitActivities.GIT_NON_FAST_FORWARD,
              GitActivities.GIT_REPOSITORY_NOT_FOUND,
              GitActivities.GIT_PUSH_REJECTED,
              GitActivities.GIT_PROJECT_NOT_READY,
              GitActivities.GIT_TOKEN_UNAVAILABLE)
          .build();

  /** Recording a failure: a database write, retried until it succeeds. */
  static final RetryOptions RECORD_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  /** The workflow's execution timeout: every attempt, the failure record, and a margin. */
  public static final Duration WORKFLOW_TIMEOUT = SCHEDULE_TO_CLOSE.plusMinutes(5);

  private GitOptions() {}

  /** The activities on {@code taskQueue}. */
  static GitActivities activities(String taskQueue) {
    return Workflow.newActivityStub(
        GitActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(START_TO_CLOSE)
            .setScheduleToCloseTimeout(SCHEDULE_TO_CLOSE)
            .setRetryOptions(PUSH_RETRY)
            .build());
  }

  /** The failure record's stub on {@code taskQueue}. */
  static GitActivities recorder(String taskQueue) {
    return Workflow.newActivityStub(
        GitActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(4))
            .setRetryOptions(RECORD_RETRY)
            .build());
  }
}
