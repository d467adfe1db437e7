package io.backforge.api.project;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.workflows.ProjectGenerationWorkflow;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.GenerationRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts the generation workflow of a stored project; starting it twice is a no-op. */
@Component
public class GenerationStarter {

  private static final Logger log = LoggerFactory.getLogger(GenerationStarter.class);

  private final WorkflowClient temporal;

  GenerationStarter(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  /** Starts the workflow {@code project-<id>}; throws when Temporal cannot be reached. */
  public void start(ProjectRecord project) {
    ProjectGenerationWorkflow workflow =
        temporal.newWorkflowStub(
            ProjectGenerationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(project.workflowId())
                .setTaskQueue(TaskQueues.GENERATION)
                .setWorkflowExecutionTimeout(Duration.ofHours(1))
                .build());
    try {
      WorkflowClient.start(workflow::generate, new GenerationRequest(project.id().toString()));
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      log.debug("Workflow {} was already started", project.workflowId());
    }
  }
}
