package io.backforge.api.spec;

import io.backforge.activities.ai.AiProperties;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.workflows.DraftOptions;
import io.backforge.workflows.SpecDraftWorkflow;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/**
 * Drafts a spec on a worker: starts a {@link SpecDraftWorkflow} ({@code draft-<uuid>}, on the
 * {@link TaskQueues#GENERATION} queue, its activity on {@link TaskQueues#AI}) and waits for its
 * result, at most {@link DraftOptions#workflowTimeout} of this process's model timeout. This
 * process needs no language model: the worker's answers.
 */
@Service
@ConditionalOnWebApplication
class SpecDrafter {

  private static final Logger log = LoggerFactory.getLogger(SpecDrafter.class);

  private final WorkflowClient temporal;
  private final Duration modelTimeout;

  SpecDrafter(WorkflowClient temporal, AiProperties ai) {
    this.temporal = temporal;
    this.modelTimeout = ai.timeout();
  }

  /**
   * The workflow's result for {@code prompt}, asked by {@code owner}; a {@code 503} problem when
   * Temporal cannot be reached or no worker answers in time.
   */
  DraftResult draft(String prompt, String owner) {
    Duration bound = DraftOptions.workflowTimeout(modelTimeout);
    String id = TaskQueues.draftWorkflowId(UUID.randomUUID().toString());
    SpecDraftWorkflow workflow =
        temporal.newWorkflowStub(
            SpecDraftWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.GENERATION)
                .setWorkflowExecutionTimeout(bound)
                .build());
    try {
      WorkflowClient.start(
          workflow::draft, new DraftRequest(prompt, owner, modelTimeout.toMillis()));
    } catch (RuntimeException e) {
      log.error("Could not start the draft workflow {}", id, e);
      throw new ProblemException(
          Problems.unavailable("The workflow service is unavailable; try again shortly."));
    }
    try {
      return WorkflowStub.fromTyped(workflow)
          .getResult(bound.toMillis(), TimeUnit.MILLISECONDS, DraftResult.class);
    } catch (TimeoutException e) {
      throw noAnswer(id, bound);
    } catch (WorkflowFailedException e) {
      if (e.getCause() instanceof TimeoutFailure) {
        throw noAnswer(id, bound);
      }
      log.error("Draft workflow {} failed", id, e);
      throw new ProblemException(Problems.aiFailed("The draft failed; try again shortly."));
    } catch (WorkflowException e) {
      log.error("Could not wait for the draft workflow {}", id, e);
      throw new ProblemException(
          Problems.unavailable("The workflow service is unavailable; try again shortly."));
    }
  }

  /** No worker ran the workflow to its end within {@code bound}: none polls, or all are stuck. */
  private static ProblemException noAnswer(String id, Duration bound) {
    log.warn("Draft workflow {} got no answer within {} s", id, bound.toSeconds());
    return new ProblemException(
        Problems.aiUnavailable(
            "No worker answered the draft within "
                + bound.toSeconds()
                + " seconds; try again shortly."));
  }
}
