package io.backforge.api.project;

import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectGenerationWorkflow;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.GenerationRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Submits, reports on, lists and serves projects; the owner is the token's subject. */
@Service
class ProjectService {

  private static final Logger log = LoggerFactory.getLogger(ProjectService.class);

  private final ProjectStore projects;
  private final BlobStore blobs;
  private final WorkflowClient temporal;
  private final SpecValidator validator = new SpecValidator();

  ProjectService(ProjectStore projects, BlobStore blobs, WorkflowClient temporal) {
    this.projects = projects;
    this.blobs = blobs;
    this.temporal = temporal;
  }

  /** Validates, stores and starts the generation of a spec; nothing is stored when invalid. */
  ProjectRecord submit(String owner, byte[] body) {
    ValidationResult result = validator.validate(body);
    if (!result.valid()) {
      throw new ProblemException(Problems.invalidSpec(result.errors()));
    }
    ProjectRecord project =
        projects.create(
            UUID.randomUUID(),
            owner,
            result.spec().name().kebab(),
            result.spec().stack().json(),
            new String(body, StandardCharsets.UTF_8));
    try {
      ProjectGenerationWorkflow workflow =
          temporal.newWorkflowStub(
              ProjectGenerationWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(project.workflowId())
                  .setTaskQueue(TaskQueues.GENERATION)
                  .setWorkflowExecutionTimeout(Duration.ofHours(1))
                  .build());
      WorkflowClient.start(workflow::generate, new GenerationRequest(project.id().toString()));
    } catch (RuntimeException e) {
      log.error("Could not start the workflow of project {}", project.id(), e);
      projects.markFailed(
          project.id(), "The generation could not be started: Temporal is unavailable");
      throw new ProblemException(
          Problems.unavailable("The workflow service is unavailable; try again shortly."));
    }
    return project;
  }

  /** The caller's project. */
  ProjectRecord owned(String owner, UUID id) {
    return projects
        .findOwned(id, owner)
        .orElseThrow(() -> new ProblemException(Problems.notFound("No project with this id.")));
  }

  /** The caller's projects, newest first. */
  List<ProjectRecord> list(String owner, int page, int size) {
    return projects.listOwned(owner, page, size);
  }

  long count(String owner) {
    return projects.countOwned(owner);
  }

  /**
   * The progress of a project: stored once it ended; asked of the workflow while it runs, with the
   * attempts and last error of a step that is being retried.
   */
  Progress progress(ProjectRecord project) {
    if (project.status().terminal() && project.progress() != null) {
      return project.progress();
    }
    Optional<Progress> live = queryWorkflow(project);
    if (live.isEmpty()) {
      return new Progress(
          project.status(),
          java.util.Arrays.stream(Step.values()).map(StepProgress::pending).toList(),
          List.of(),
          project.error());
    }
    Progress progress = live.get();
    ProjectStatus status =
        project.status().terminal()
            ? project.status()
            : progress.status().terminal() ? ProjectStatus.RUNNING : progress.status();
    return new Progress(
        status, withRetries(project, progress.steps()), progress.warnings(), progress.error());
  }

  private Optional<Progress> queryWorkflow(ProjectRecord project) {
    try {
      WorkflowStub stub = temporal.newUntypedWorkflowStub(project.workflowId());
      return Optional.of(stub.query("progress", Progress.class));
    } catch (RuntimeException e) {
      log.debug("No progress from workflow {}: {}", project.workflowId(), e.getMessage());
      return Optional.empty();
    }
  }

  private List<StepProgress> withRetries(ProjectRecord project, List<StepProgress> steps) {
    if (steps.stream().noneMatch(s -> s.state() == StepState.RUNNING)) {
      return steps;
    }
    List<PendingActivityInfo> pending;
    try {
      pending =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder().setWorkflowId(project.workflowId()))
                      .build())
              .getPendingActivitiesList();
    } catch (RuntimeException e) {
      return steps;
    }
    List<StepProgress> merged = new ArrayList<>(steps);
    for (PendingActivityInfo activity : pending) {
      for (int i = 0; i < merged.size(); i++) {
        StepProgress step = merged.get(i);
        if (step.state() == StepState.RUNNING && matches(step.step(), activity)) {
          String lastError =
              activity.hasLastFailure() ? activity.getLastFailure().getMessage() : null;
          merged.set(
              i,
              new StepProgress(
                  step.step(),
                  step.state(),
                  Math.max(step.attempts(), activity.getAttempt()),
                  lastError,
                  step.detail(),
                  step.startedAt(),
                  step.endedAt()));
        }
      }
    }
    return merged;
  }

  private static boolean matches(Step step, PendingActivityInfo activity) {
    String type = activity.getActivityType().getName().toLowerCase(Locale.ROOT);
    return switch (step) {
      case VALIDATE_SPEC -> type.equals("validatespec");
      case CREATE_FEATURES -> type.equals("createfeatures");
      case SCAFFOLD -> type.equals("scaffold");
      case AI_ENRICHMENT -> type.equals("enrich");
      case VERIFY -> type.equals("verify");
      case ZIP -> type.equals("zip");
    };
  }

  /** The zip of a succeeded project. */
  byte[] artifact(ProjectRecord project) {
    if (project.artifactHash() == null) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready",
              "Not ready",
              "The project is " + project.status() + "; its zip is available once it SUCCEEDED."));
    }
    return blobs
        .get(project.artifactHash())
        .orElseThrow(() -> new IllegalStateException("artifact blob missing"));
  }

  /** The manifest of a scaffolded project. */
  Manifest manifest(ProjectRecord project) {
    if (project.manifestHash() == null) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready", "Not ready", "The project's files have not been generated yet."));
    }
    return Manifest.parse(
        blobs
            .get(project.manifestHash())
            .orElseThrow(() -> new IllegalStateException("manifest blob missing")));
  }

  /** Asks the workflow to cancel; a no-op for a project that has ended. */
  void cancel(ProjectRecord project) {
    if (project.status().terminal()) {
      throw new ProblemException(
          Problems.conflict(
              "already-ended", "Already ended", "The project is " + project.status() + "."));
    }
    temporal.newUntypedWorkflowStub(project.workflowId()).cancel();
  }
}
