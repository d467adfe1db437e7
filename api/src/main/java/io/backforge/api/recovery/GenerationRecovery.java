package io.backforge.api.recovery;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.project.GenerationStarter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure no project stays unfinished forever. At start-up of the web role, every project that
 * has not ended is checked against Temporal: one whose workflow no longer exists (the embedded
 * server keeps everything in memory, so a restart loses it) is started again from its stored spec,
 * which is safe because every step is idempotent; one whose workflow ended without recording its
 * outcome (terminated, timed out) is marked failed with the reason.
 */
@Component
@ConditionalOnExpression("'${backforge.roles:web,worker}'.contains('web')")
public class GenerationRecovery {

  private static final Logger log = LoggerFactory.getLogger(GenerationRecovery.class);
  private static final int BATCH = 1000;

  private final ProjectStore projects;
  private final WorkflowClient temporal;
  private final GenerationStarter starter;

  GenerationRecovery(ProjectStore projects, WorkflowClient temporal, GenerationStarter starter) {
    this.projects = projects;
    this.temporal = temporal;
    this.starter = starter;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    Thread recovery = new Thread(this::recoverQuietly, "generation-recovery");
    recovery.setDaemon(true);
    recovery.start();
  }

  private void recoverQuietly() {
    try {
      Result result = recover();
      if (result.restarted() + result.failed() > 0) {
        log.info(
            "Recovery: {} generations restarted, {} marked failed",
            result.restarted(),
            result.failed());
      }
    } catch (RuntimeException e) {
      log.warn("Recovery of unfinished generations did not complete: {}", e.getMessage());
    }
  }

  /** Checks every unfinished project once; answers what it did. */
  public Result recover() {
    int restarted = 0;
    int failed = 0;
    for (ProjectRecord project : projects.unfinished(BATCH)) {
      switch (check(project)) {
        case RESTARTED -> restarted++;
        case FAILED -> failed++;
        case UNTOUCHED -> {}
      }
    }
    return new Result(restarted, failed);
  }

  private Outcome check(ProjectRecord project) {
    WorkflowExecutionStatus status;
    try {
      status =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder().setWorkflowId(project.workflowId()))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      return restart(project);
    }
    if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Outcome.UNTOUCHED;
    }
    boolean marked =
        projects.markFailed(
            project.id(),
            "The generation ended ("
                + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase()
                + ") without recording a result");
    // Not marked: the workflow recorded its outcome after the project was read, as it should.
    return marked ? Outcome.FAILED : Outcome.UNTOUCHED;
  }

  private Outcome restart(ProjectRecord project) {
    try {
      starter.start(project);
      log.info("Restarted the generation of project {} from its stored spec", project.id());
      return Outcome.RESTARTED;
    } catch (RuntimeException e) {
      projects.markFailed(project.id(), "The generation was lost and could not be restarted");
      return Outcome.FAILED;
    }
  }

  private enum Outcome {
    RESTARTED,
    FAILED,
    UNTOUCHED
  }

  /**
   * What a recovery pass did.
   *
   * @param restarted generations started again from their stored spec
   * @param failed projects marked failed because they could not be continued
   */
  public record Result(int restarted, int failed) {}
}
