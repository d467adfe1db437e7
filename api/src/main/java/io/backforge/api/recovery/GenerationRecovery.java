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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure no project stays unfinished forever. At start-up of the web role, every project
 * created before this process started that has not ended is checked against Temporal: one whose
 * workflow no longer exists (the embedded server keeps everything in memory, so a restart loses it)
 * is started again from its stored spec, which is safe because every step is idempotent; one whose
 * workflow ended without recording its outcome (terminated, timed out) is marked failed with the
 * reason.
 */
@Component
@ConditionalOnExpression("'${backforge.roles:web,worker}'.contains('web')")
public class GenerationRecovery {

  private static final Logger log = LoggerFactory.getLogger(GenerationRecovery.class);
  private static final int BATCH = 1000;
  private static final Duration STARTUP_GRACE = Duration.ofSeconds(2);

  private final ProjectStore projects;
  private final WorkflowClient temporal;
  private final GenerationStarter starter;
  private final CompletableFuture<Result> startup = new CompletableFuture<>();
  private final Instant startedAt = Instant.now();

  GenerationRecovery(ProjectStore projects, WorkflowClient temporal, GenerationStarter starter) {
    this.projects = projects;
    this.temporal = temporal;
    this.starter = starter;
  }

  /** Completes with what the recovery at start-up did (or with nothing when it could not run). */
  public CompletableFuture<Result> startupRecovery() {
    return startup;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    Thread recovery = new Thread(this::recoverQuietly, "generation-recovery");
    recovery.setDaemon(true);
    recovery.start();
  }

  private void recoverQuietly() {
    try {
      // Projects created since this process started belong to submit paths that are starting their
      // workflows now, here or in another web process: a look at them would race those paths (a
      // workflow not started yet looks lost). The grace covers a submit path of another web process
      // that created its project just before this one started.
      Thread.sleep(STARTUP_GRACE.toMillis());
      Result result = recover(projects.unfinished(BATCH, startedAt));
      startup.complete(result);
      if (result.restarted() + result.failed() > 0) {
        log.info(
            "Recovery: {} generations restarted, {} marked failed",
            result.restarted(),
            result.failed());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      startup.complete(null);
    } catch (RuntimeException e) {
      startup.complete(null);
      log.warn("Recovery of unfinished generations did not complete: {}", e.getMessage());
    }
  }

  /** Checks every unfinished project once; answers what it did. */
  public Result recover() {
    return recover(projects.unfinished(BATCH));
  }

  private Result recover(List<ProjectRecord> unfinished) {
    int restarted = 0;
    int failed = 0;
    for (ProjectRecord project : unfinished) {
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
      // Temporal's test server also answers NOT_FOUND for a workflow that has just completed;
      // one that recorded its outcome since the project was read is done, not lost.
      if (projects.find(project.id()).map(p -> p.status().terminal()).orElse(true)) {
        return Outcome.UNTOUCHED;
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
