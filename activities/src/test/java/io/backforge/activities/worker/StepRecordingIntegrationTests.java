package io.backforge.activities.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.activities.ActivitiesTestApplication;
import io.backforge.activities.generation.EnrichmentActivitiesImpl;
import io.backforge.activities.generation.GenerationActivitiesImpl;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.VerificationActivitiesImpl;
import io.backforge.workflows.ProjectGenerationWorkflow;
import io.backforge.workflows.ProjectGenerationWorkflowImpl;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.GenerationRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The real workflow and activities on a Temporal test environment, writing to PostgreSQL. */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class StepRecordingIntegrationTests {

  @Autowired GenerationActivitiesImpl generation;
  @Autowired EnrichmentActivitiesImpl enrichment;
  @Autowired VerificationActivitiesImpl verification;
  @Autowired ProjectStore projects;

  TestWorkflowEnvironment env;

  @BeforeEach
  void environment() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new StepRecordingInterceptor(projects))
                        .build())
                .build());
    Worker worker = env.newWorker(TaskQueues.GENERATION);
    worker.registerWorkflowImplementationTypes(ProjectGenerationWorkflowImpl.class);
    worker.registerActivitiesImplementations(generation);
    env.newWorker(TaskQueues.AI).registerActivitiesImplementations(enrichment);
    env.newWorker(TaskQueues.VERIFY).registerActivitiesImplementations(verification);
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void everyStepThatRanIsRecordedAsSucceededWithItsAttempts() {
    ProjectRecord project = newProject(spec());

    workflow(project).generate(new GenerationRequest(project.id().toString()));

    List<StepProgress> steps = projects.steps(project.id());
    assertThat(steps)
        .extracting(StepProgress::step, StepProgress::state, StepProgress::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Step.VALIDATE_SPEC, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.CREATE_FEATURES, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.SCAFFOLD, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.AI_ENRICHMENT, StepState.PENDING, 0),
            org.assertj.core.groups.Tuple.tuple(Step.VERIFY, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.ZIP, StepState.SUCCEEDED, 1));
    assertThat(steps.get(0).endedAt()).isGreaterThanOrEqualTo(steps.get(0).startedAt());
    ProjectRecord stored = projects.find(project.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(stored.artifactHash()).isNotNull();
  }

  @Test
  void aStepThatFailsForGoodIsRecordedAsFailedWithItsError() {
    ProjectRecord project =
        newProject(
            "{\"name\":\"x\",\"stack\":\"flask\",\"database\":\"sqlite\",\"entities\":[]}"
                .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
        () -> workflow(project).generate(new GenerationRequest(project.id().toString())));

    StepProgress validate = projects.steps(project.id()).get(0);
    assertThat(validate.state()).isEqualTo(StepState.FAILED);
    assertThat(validate.lastError()).contains("/entities");
    assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.FAILED);
  }

  private ProjectGenerationWorkflow workflow(ProjectRecord project) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ProjectGenerationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(project.workflowId())
                .setTaskQueue(TaskQueues.GENERATION)
                .build());
  }

  private ProjectRecord newProject(byte[] spec) {
    return projects.create(
        UUID.randomUUID(),
        "tester",
        "library-service",
        "flask",
        new String(spec, StandardCharsets.UTF_8));
  }

  private static byte[] spec() {
    try (InputStream in =
        StepRecordingIntegrationTests.class.getResourceAsStream("/specs/library.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
