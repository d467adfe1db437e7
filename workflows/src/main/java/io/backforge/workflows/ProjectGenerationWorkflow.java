package io.backforge.workflows;

import io.backforge.workflows.payload.GenerationRequest;
import io.backforge.workflows.payload.GenerationResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Generates one project: validate spec, create features, scaffold, AI enrichment, zip. One workflow
 * per project, with the id {@link TaskQueues#workflowId(String)}, on the task queue {@link
 * TaskQueues#GENERATION}.
 */
@WorkflowInterface
public interface ProjectGenerationWorkflow {

  /**
   * Runs the generation to its end and records the outcome on the project. Fails (after recording
   * the failure) when a step fails for good; an invalid spec fails at once, without retries.
   * Cancelling the workflow records the project as cancelled.
   */
  @WorkflowMethod
  GenerationResult generate(GenerationRequest request);

  /** The progress so far: every step with its state, attempts and last error. */
  @QueryMethod
  Progress progress();
}
