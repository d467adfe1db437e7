package io.backforge.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.GenerationRequest;
import io.backforge.workflows.payload.GenerationResult;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.SpecCheck;
import io.backforge.workflows.payload.VerificationInput;
import io.backforge.workflows.payload.VerificationResult;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectGenerationWorkflowTests {

  private TestWorkflowEnvironment env;
  private Worker worker;
  private RecordingActivities activities;
  private NoModelEnrichment enrichment;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    worker = env.newWorker(TaskQueues.GENERATION);
    worker.registerWorkflowImplementationTypes(ProjectGenerationWorkflowImpl.class);
    activities = new RecordingActivities();
    worker.registerActivitiesImplementations(activities);
    enrichment = new NoModelEnrichment();
    env.newWorker(TaskQueues.AI).registerActivitiesImplementations(enrichment);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void happyPathRunsEveryStepAndRecordsSuccess() throws Exception {
    env.start();
    GenerationResult result = newWorkflow("p1").generate(new GenerationRequest("p1"));

    assertThat(result.artifactHash()).isEqualTo("zip-of-manifest-1");
    assertThat(activities.calls)
        .containsExactly("validateSpec", "createFeatures", "scaffold", "zip", "recordOutcome");
    Progress progress = activities.outcomes.get("p1").progress();
    assertThat(progress.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(progress.steps())
        .extracting(StepProgress::step, StepProgress::state, StepProgress::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Step.VALIDATE_SPEC, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.CREATE_FEATURES, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.SCAFFOLD, StepState.SUCCEEDED, 1),
            org.assertj.core.groups.Tuple.tuple(Step.AI_ENRICHMENT, StepState.SKIPPED, 0),
            org.assertj.core.groups.Tuple.tuple(Step.VERIFY, StepState.SKIPPED, 0),
            org.assertj.core.groups.Tuple.tuple(Step.ZIP, StepState.SUCCEEDED, 1));
    assertThat(progress.steps().get(3).detail()).isEqualTo("Not requested by the spec");
    assertThat(activities.outcomes.get("p1").artifactHash()).isEqualTo("zip-of-manifest-1");
    recordHistory("p1", "happy-path");
  }

  @Test
  void aStepThatFailsThenSucceedsIsRetriedAndItsAttemptsAreRecorded() throws Exception {
    activities.scaffoldFailures.set(1);
    env.start();
    ProjectGenerationWorkflow workflow = newWorkflow("p2");

    workflow.generate(new GenerationRequest("p2"));

    Progress progress = activities.outcomes.get("p2").progress();
    assertThat(progress.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(progress.steps().get(Step.SCAFFOLD.ordinal()).attempts()).isEqualTo(2);
    assertThat(workflow.progress().steps().get(Step.SCAFFOLD.ordinal()).attempts()).isEqualTo(2);
    recordHistory("p2", "retried-scaffold");
  }

  @Test
  void anInvalidSpecFailsFastWithoutRetries() {
    activities.invalidSpec = true;
    env.start();
    ProjectGenerationWorkflow workflow = newWorkflow("p3");

    assertThatThrownBy(() -> workflow.generate(new GenerationRequest("p3")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("/entities/0/name");

    assertThat(activities.validateAttempts.get()).isEqualTo(1);
    assertThat(activities.calls).containsExactly("validateSpec", "recordOutcome");
    Progress progress = activities.outcomes.get("p3").progress();
    assertThat(progress.status()).isEqualTo(ProjectStatus.FAILED);
    assertThat(progress.error()).contains("/entities/0/name");
    assertThat(progress.steps().get(0).state()).isEqualTo(StepState.FAILED);
    assertThat(progress.steps().get(0).attempts()).isEqualTo(1);
    assertThat(progress.steps().get(1).state()).isEqualTo(StepState.PENDING);
  }

  @Test
  void cancellationStopsTheGenerationAndRecordsItAsCancelled() throws Exception {
    activities.scaffoldGate = new CountDownLatch(1);
    env.start();
    ProjectGenerationWorkflow workflow = newWorkflow("p4");
    WorkflowClient.start(workflow::generate, new GenerationRequest("p4"));
    assertThat(activities.scaffoldStarted.await(10, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(GenerationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(CanceledFailure.class);
    activities.scaffoldGate.countDown();
    Progress progress = activities.outcomes.get("p4").progress();
    assertThat(progress.status()).isEqualTo(ProjectStatus.CANCELLED);
    assertThat(progress.steps().get(Step.SCAFFOLD.ordinal()).state())
        .isEqualTo(StepState.CANCELLED);
    assertThat(progress.steps().get(Step.ZIP.ordinal()).state()).isEqualTo(StepState.CANCELLED);
    assertThat(activities.calls).doesNotContain("zip");
    recordHistory("p4", "cancelled");
  }

  @Test
  void requestedEnrichmentWithoutAModelIsSkippedWithItsReason() {
    activities.aiRequested = true;
    env.start();

    newWorkflow("p5").generate(new GenerationRequest("p5"));

    StepProgress ai = activities.outcomes.get("p5").progress().steps().get(3);
    assertThat(ai.state()).isEqualTo(StepState.SKIPPED);
    assertThat(ai.detail()).isEqualTo("No language model is configured");
  }

  @Test
  void enrichmentThatFailsForGoodReportsTheAttemptsOfItsOwnRetryPolicy() {
    activities.aiRequested = true;
    enrichment.failing = true;
    env.start();

    newWorkflow("p5b").generate(new GenerationRequest("p5b"));

    Progress progress = activities.outcomes.get("p5b").progress();
    StepProgress ai = progress.steps().get(Step.AI_ENRICHMENT.ordinal());
    assertThat(progress.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(ai.state()).isEqualTo(StepState.FAILED);
    assertThat(ai.attempts())
        .isEqualTo(enrichment.calls.get())
        .isEqualTo(GenerationOptions.maximumAttempts(Step.AI_ENRICHMENT))
        .isEqualTo(4);
    assertThat(progress.warnings())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("AI enrichment failed, the project was generated without it: ")
        .contains("the model is down");
  }

  @Test
  void passedVerificationIsRecordedWithItsCountsBeforeTheZip() throws Exception {
    activities.verifyRequested = true;
    env.newWorker(TaskQueues.VERIFY)
        .registerActivitiesImplementations(
            new FixedVerification(
                new Verification(
                    VerificationState.PASSED,
                    "87 tests passed, lint clean",
                    87,
                    0,
                    0,
                    "ok",
                    1500)));
    env.start();

    newWorkflow("p6").generate(new GenerationRequest("p6"));

    Outcome outcome = activities.outcomes.get("p6");
    assertThat(outcome.progress().status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(outcome.progress().warnings()).isEmpty();
    StepProgress verify = outcome.progress().steps().get(Step.VERIFY.ordinal());
    assertThat(verify.state()).isEqualTo(StepState.SUCCEEDED);
    assertThat(verify.detail()).isEqualTo("87 tests passed, lint clean");
    assertThat(outcome.verification().state()).isEqualTo(VerificationState.PASSED);
    assertThat(outcome.verification().testsPassed()).isEqualTo(87);
    assertThat(activities.calls).containsSubsequence("scaffold", "zip", "recordOutcome");
    recordHistory("p6", "verified");
  }

  @Test
  void aVerificationWhoseWorkerFallsSilentIsRetriedAfterTheHeartbeatTimeout() {
    activities.verifyRequested = true;
    SilentFirstAttempt verifier = new SilentFirstAttempt();
    env.newWorker(TaskQueues.VERIFY).registerActivitiesImplementations(verifier);
    env.start();
    long started = System.nanoTime();

    try {
      newWorkflow("p10").generate(new GenerationRequest("p10"));
    } finally {
      verifier.silence.countDown();
    }

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Outcome outcome = activities.outcomes.get("p10");
    assertThat(outcome.verification().state()).isEqualTo(VerificationState.PASSED);
    assertThat(outcome.progress().steps().get(Step.VERIFY.ordinal()).attempts()).isEqualTo(2);
    assertThat(took)
        .isGreaterThanOrEqualTo(GenerationOptions.HEARTBEAT_TIMEOUT)
        .isLessThan(GenerationOptions.HEARTBEAT_TIMEOUT.plusSeconds(15));
  }

  @Test
  void failedVerificationLeavesTheProjectSucceededWithTheZipAndAWarning() {
    activities.verifyRequested = true;
    env.newWorker(TaskQueues.VERIFY)
        .registerActivitiesImplementations(
            new FixedVerification(
                new Verification(
                    VerificationState.FAILED,
                    "2 tests failed, 1 lint finding",
                    80,
                    2,
                    1,
                    "FAILED tests/test_book_api.py",
                    2000)));
    env.start();

    GenerationResult result = newWorkflow("p7").generate(new GenerationRequest("p7"));

    Outcome outcome = activities.outcomes.get("p7");
    assertThat(result.artifactHash()).isEqualTo("zip-of-manifest-1");
    assertThat(outcome.progress().status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(outcome.progress().warnings())
        .containsExactly("Verification failed: 2 tests failed, 1 lint finding");
    assertThat(outcome.progress().steps().get(Step.VERIFY.ordinal()).state())
        .isEqualTo(StepState.FAILED);
    assertThat(outcome.verification().state()).isEqualTo(VerificationState.FAILED);
    assertThat(outcome.verification().logTail()).contains("FAILED tests/test_book_api.py");
  }

  @Test
  void verificationNobodyPicksUpIsSkippedAfterTheScheduleToStartTimeout() {
    activities.verifyRequested = true;
    // The test server enforces schedule-to-start timeouts in real time, even when skipping time.
    Worker shortWait = env.newWorker("short-verify-wait");
    shortWait.registerWorkflowImplementationFactory(
        ProjectGenerationWorkflow.class,
        () -> new ProjectGenerationWorkflowImpl(Duration.ofSeconds(2)));
    shortWait.registerActivitiesImplementations(activities);
    env.start();
    ProjectGenerationWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProjectGenerationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(TaskQueues.workflowId("p8"))
                    .setTaskQueue("short-verify-wait")
                    .setWorkflowRunTimeout(Duration.ofMinutes(5))
                    .build());

    GenerationResult result = workflow.generate(new GenerationRequest("p8"));

    Outcome outcome = activities.outcomes.get("p8");
    assertThat(result.artifactHash()).isEqualTo("zip-of-manifest-1");
    assertThat(outcome.progress().status()).isEqualTo(ProjectStatus.SUCCEEDED);
    StepProgress verify = outcome.progress().steps().get(Step.VERIFY.ordinal());
    assertThat(verify.state()).isEqualTo(StepState.SKIPPED);
    assertThat(verify.detail())
        .isEqualTo("No worker with a verification toolchain picked it up within 2 seconds");
    assertThat(outcome.verification().state()).isEqualTo(VerificationState.SKIPPED);
    assertThat(outcome.progress().warnings()).singleElement().asString().contains("skipped");
  }

  @Test
  void verificationSkippedByTheWorkerSaysWhyAndNeverPasses() {
    activities.verifyRequested = true;
    env.newWorker(TaskQueues.VERIFY)
        .registerActivitiesImplementations(
            new FixedVerification(Verification.skipped("bubblewrap cannot create a sandbox here")));
    env.start();

    newWorkflow("p9").generate(new GenerationRequest("p9"));

    Outcome outcome = activities.outcomes.get("p9");
    assertThat(outcome.progress().steps().get(Step.VERIFY.ordinal()))
        .extracting(StepProgress::state, StepProgress::detail)
        .containsExactly(StepState.SKIPPED, "bubblewrap cannot create a sandbox here");
    assertThat(outcome.verification().state()).isEqualTo(VerificationState.SKIPPED);
  }

  /** Writes a finished workflow's history as a replay fixture when asked to. */
  private void recordHistory(String projectId, String name) throws java.io.IOException {
    String dir = System.getProperty("backforge.record-histories");
    if (dir != null) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(dir, name + ".json"),
          env.getWorkflowClient().fetchHistory(TaskQueues.workflowId(projectId)).toJson(true));
    }
  }

  private ProjectGenerationWorkflow newWorkflow(String projectId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ProjectGenerationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.workflowId(projectId))
                .setTaskQueue(TaskQueues.GENERATION)
                .setWorkflowRunTimeout(Duration.ofMinutes(5))
                .build());
  }

  /** Test double of the generation steps that records what the workflow asked for. */
  static class RecordingActivities implements GenerationActivities {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    final AtomicInteger scaffoldFailures = new AtomicInteger();
    final AtomicInteger validateAttempts = new AtomicInteger();
    final CountDownLatch scaffoldStarted = new CountDownLatch(1);
    volatile CountDownLatch scaffoldGate;
    volatile boolean invalidSpec;
    volatile boolean aiRequested;
    volatile boolean verifyRequested;

    @Override
    public SpecCheck validateSpec(ProjectRef project) {
      calls.add("validateSpec");
      validateAttempts.incrementAndGet();
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      if (invalidSpec) {
        throw ApplicationFailure.newNonRetryableFailure(
            "/entities/0/name: must start with an upper-case letter", INVALID_SPEC, attempt);
      }
      return new SpecCheck(2, attempt);
    }

    @Override
    public FeaturePlan createFeatures(ProjectRef project) {
      calls.add("createFeatures");
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      return verifyRequested
          ? new FeaturePlan(List.of("crud"), aiRequested, attempt, true, null)
          : new FeaturePlan(List.of("crud"), aiRequested, attempt);
    }

    @Override
    public ScaffoldResult scaffold(ScaffoldInput input) {
      calls.add("scaffold");
      scaffoldStarted.countDown();
      if (scaffoldGate != null) {
        awaitGate();
      }
      if (scaffoldFailures.getAndDecrement() > 0) {
        throw new IllegalStateException("database briefly unavailable");
      }
      return new ScaffoldResult(
          "manifest-1", 3, 300, Activity.getExecutionContext().getInfo().getAttempt());
    }

    private void awaitGate() {
      try {
        scaffoldGate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public ZipResult zip(ZipInput input) {
      calls.add("zip");
      return new ZipResult(
          "zip-of-" + input.manifestHash(),
          1024,
          3,
          Activity.getExecutionContext().getInfo().getAttempt());
    }

    @Override
    public void recordOutcome(Outcome outcome) {
      calls.add("recordOutcome");
      outcomes.put(outcome.projectId(), outcome);
    }
  }

  /** A verify worker that always answers the same verdict. */
  static class FixedVerification implements VerificationActivities {
    private final Verification verification;

    FixedVerification(Verification verification) {
      this.verification = verification;
    }

    @Override
    public VerificationResult verify(VerificationInput input) {
      return new VerificationResult(
          verification, Activity.getExecutionContext().getInfo().getAttempt());
    }
  }

  /**
   * A verify worker whose first attempt goes silent, as a worker that died does: no heartbeat, no
   * answer. The attempts after it pass.
   */
  static class SilentFirstAttempt implements VerificationActivities {
    final CountDownLatch silence = new CountDownLatch(1);

    @Override
    public VerificationResult verify(VerificationInput input) {
      int attempt = Activity.getExecutionContext().getInfo().getAttempt();
      if (attempt == 1) {
        try {
          silence.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new VerificationResult(
          new Verification(VerificationState.PASSED, "88 tests passed", 88, 0, 0, "ok", 900),
          attempt);
    }
  }

  /** Enrichment as a worker without a configured model answers it. */
  static class NoModelEnrichment implements EnrichmentActivities {
    volatile boolean failing;
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public EnrichmentResult enrich(EnrichmentInput input) {
      calls.incrementAndGet();
      if (failing) {
        throw new IllegalStateException("the model is down");
      }
      return new EnrichmentResult(
          false,
          input.manifestHash(),
          "No language model is configured",
          List.of(),
          Activity.getExecutionContext().getInfo().getAttempt());
    }
  }
}
