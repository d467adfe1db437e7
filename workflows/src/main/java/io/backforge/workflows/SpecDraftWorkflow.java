package io.backforge.workflows;

import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Drafts a spec from words: one {@link DraftActivities#draft} call on a worker of the {@link
 * TaskQueues#AI} queue. One short workflow per request, with the id {@link
 * TaskQueues#draftWorkflowId(String)}, on the task queue {@link TaskQueues#GENERATION}; the web
 * process that started it waits for its result.
 */
@WorkflowInterface
public interface SpecDraftWorkflow {

  /**
   * The draft, or why there is none: {@code UNAVAILABLE} when no model is configured on the worker
   * or no worker took the draft within {@link DraftOptions#SCHEDULE_TO_START}; {@code FAILED} when
   * the model failed for good (a refused key or request at once, anything else once the retries or
   * the time ran out). Never fails itself but when cancelled.
   */
  @WorkflowMethod
  DraftResult draft(DraftRequest request);
}
