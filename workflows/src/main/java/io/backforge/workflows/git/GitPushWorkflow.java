package io.backforge.workflows.git;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Pushes one generation to a git remote: one {@link GitActivities#push} call with retries, and
 * {@link GitActivities#failed} when it failed for good. Workflow id {@code push-<pushId>}, on the
 * {@code GENERATION} task queue; the API starts it and waits a bounded time for the result.
 */
@WorkflowInterface
public interface GitPushWorkflow {

  /** The workflow id of a push. */
  static String workflowId(String pushId) {
    return "push-" + pushId;
  }

  /**
   * The pushed commit; fails with the activity's failure (its type says which: {@link
   * GitActivities}) after recording it on the push, when the push failed for good.
   */
  @WorkflowMethod
  GitPushResult push(GitPushRequest request);
}
