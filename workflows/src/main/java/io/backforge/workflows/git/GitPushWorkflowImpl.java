package io.backforge.workflows.git;

import io.backforge.workflows.TaskQueues;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** The push as one activity call; a push that failed for good is recorded, then rethrown. */
public class GitPushWorkflowImpl implements GitPushWorkflow {

  private final GitActivities activities = GitOptions.activities(TaskQueues.GENERATION);
  private final GitActivities recorder = GitOptions.recorder(TaskQueues.GENERATION);

  @Override
  public GitPushResult push(GitPushRequest request) {
    try {
      return activities.push(request);
    } catch (ActivityFailure failure) {
      recorder.failed(new GitPushFailure(request.pushId(), request.tokenId(), reason(failure)));
      throw failure;
    }
  }

  /** The activity's own message when it raised one, otherwise what ended it (a timeout). */
  static String reason(ActivityFailure failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
    }
    return "The remote did not answer in time; the push was given up after its retries.";
  }
}
