package io.backforge.workflows;

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
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The generation as a short list of activity calls; see {@link ProjectGenerationWorkflow}.
 *
 * <p>Since the version marker {@code local-steps}, the short steps (validate spec, create features,
 * zip, and recording the outcome) run as <em>local</em> activities: on the worker that runs the
 * workflow task, recorded as markers in the history, with the same retry policy. Each remote
 * activity costs a round trip through the server and a workflow task (which replays the whole
 * history without sticky execution); with local steps a generation needs one remote activity, the
 * scaffold, instead of five, which more than halved the platform's work per project
 * (docs/performance.md). The scaffold stays a remote activity so that a cancellation takes effect
 * while it runs, and enrichment and verification keep their own task queues. Histories recorded
 * before the marker replay on the old path.
 *
 * <p>The long remote activities (scaffold, enrichment, verification) heartbeat and have a {@link
 * #HEARTBEAT_TIMEOUT} of seconds, so an attempt whose worker died is retried on another worker in
 * seconds, not after its start-to-close timeout (minutes, for a verification); a cancelled
 * verification kills its sandbox.
 */
public class ProjectGenerationWorkflowImpl implements ProjectGenerationWorkflow {

  static final RetryOptions STEP_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(10)
          .setDoNotRetry(GenerationActivities.INVALID_SPEC, GenerationActivities.PROJECT_NOT_FOUND)
          .build();

  /** Recording the outcome retries until the database answers, unless the project is gone. */
  static final RetryOptions RECORD_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofMinutes(1))
          .setDoNotRetry(GenerationActivities.PROJECT_NOT_FOUND)
          .build();

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long a remote activity that heartbeats (scaffold, enrichment, verification) may go without
   * one before Temporal retries it elsewhere: how soon a dead worker's step is noticed. Its
   * activities heartbeat every second and the worker sends at most every 3 seconds.
   */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  private final GenerationActivities localSteps = local(STEP_RETRY);
  private final GenerationActivities localRecorder = local(RECORD_RETRY);
  private final GenerationActivities remoteSteps = remote(STEP_RETRY);
  private final GenerationActivities remoteRecorder = remote(RECORD_RETRY);

  /** The scaffold, which heartbeats; the short steps of old histories do not. */
  private final GenerationActivities scaffolder =
      Workflow.newActivityStub(
          GenerationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(STEP_TIMEOUT)
              .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
              .setRetryOptions(STEP_RETRY)
              .build());

  /** The short steps and the recorder of this execution: local or remote, by its version. */
  private GenerationActivities steps;

  private GenerationActivities recorder;

  private final EnrichmentActivities enrichment =
      Workflow.newActivityStub(
          EnrichmentActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.AI)
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(4)
                      .setDoNotRetry(
                          EnrichmentActivities.AI_AUTHENTICATION,
                          EnrichmentActivities.AI_BAD_REQUEST)
                      .build())
              .build());

  /**
   * How long a verification may wait for a worker with a verification toolchain before it is
   * skipped.
   */
  static final Duration VERIFY_SCHEDULE_TO_START = Duration.ofMinutes(2);

  /**
   * How long one verification attempt may run: the checks' overall limit (9 minutes) plus the live
   * contract check after a build (the app's start-up and its exchanges, at most 3.5 minutes) and a
   * margin, so a project too large for its limits ends with a verification that names the limit,
   * never with an activity timeout.
   */
  public static final Duration VERIFY_START_TO_CLOSE = Duration.ofMinutes(14);

  private final Duration verifyScheduleToStart;
  private final VerificationActivities verifier;

  private final ProgressTracker tracker = new ProgressTracker(STEP_RETRY.getMaximumAttempts());

  /** The workflow as workers run it. */
  public ProjectGenerationWorkflowImpl() {
    this(VERIFY_SCHEDULE_TO_START);
  }

  /**
   * A workflow whose verification waits {@code verifyScheduleToStart} for a toolchain worker.
   * Temporal's test server enforces schedule-to-start timeouts in real time, not on its skipped
   * clock, so tests use a short one.
   */
  ProjectGenerationWorkflowImpl(Duration verifyScheduleToStart) {
    this.verifyScheduleToStart = verifyScheduleToStart;
    this.verifier =
        Workflow.newActivityStub(
            VerificationActivities.class,
            ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.VERIFY)
                .setScheduleToStartTimeout(verifyScheduleToStart)
                .setStartToCloseTimeout(VERIFY_START_TO_CLOSE)
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(2))
                        .setMaximumAttempts(2)
                        .build())
                .build());
  }

  private static GenerationActivities local(RetryOptions retry) {
    return Workflow.newLocalActivityStub(
        GenerationActivities.class,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(STEP_TIMEOUT)
            .setRetryOptions(retry)
            .build());
  }

  private static GenerationActivities remote(RetryOptions retry) {
    return Workflow.newActivityStub(
        GenerationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(STEP_TIMEOUT)
            .setRetryOptions(retry)
            .build());
  }

  @Override
  public GenerationResult generate(GenerationRequest request) {
    ProjectRef project = new ProjectRef(request.projectId());
    List<String> warnings = new ArrayList<>();
    Verification verification = null;
    boolean local =
        Workflow.getVersion("local-steps", Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
    steps = local ? localSteps : remoteSteps;
    recorder = local ? localRecorder : remoteRecorder;
    tracker.start();
    try {
      SpecCheck spec =
          tracker.run(Step.VALIDATE_SPEC, () -> steps.validateSpec(project), SpecCheck::attempt);
      tracker.detail(Step.VALIDATE_SPEC, spec.entityCount() + " entities");
      FeaturePlan plan =
          tracker.run(
              Step.CREATE_FEATURES, () -> steps.createFeatures(project), FeaturePlan::attempt);
      tracker.detail(Step.CREATE_FEATURES, String.join(", ", plan.features()));
      ScaffoldResult files =
          tracker.run(
              Step.SCAFFOLD,
              () -> scaffolder.scaffold(new ScaffoldInput(request.projectId(), plan)),
              ScaffoldResult::attempt);
      tracker.detail(Step.SCAFFOLD, files.fileCount() + " files");
      String manifest = enrich(request.projectId(), plan, files.manifestHash(), warnings);
      verification = verify(request.projectId(), plan, manifest, warnings);
      ZipResult zip =
          tracker.run(
              Step.ZIP,
              () -> steps.zip(new ZipInput(request.projectId(), manifest)),
              ZipResult::attempt);
      tracker.detail(Step.ZIP, zip.size() + " bytes");
      tracker.finish(ProjectStatus.SUCCEEDED, warnings, null);
      recorder.recordOutcome(
          new Outcome(
              request.projectId(),
              tracker.snapshot(),
              zip.artifactHash(),
              zip.size(),
              verification));
      return new GenerationResult(zip.artifactHash(), zip.size(), zip.fileCount(), warnings);
    } catch (ActivityFailure | CanceledFailure failure) {
      if (CancellationScope.current().isCancelRequested()) {
        tracker.finish(ProjectStatus.CANCELLED, warnings, "Cancelled on request");
        Workflow.newDetachedCancellationScope(
                () ->
                    recorder.recordOutcome(
                        new Outcome(request.projectId(), tracker.snapshot(), null, 0)))
            .run();
        throw failure instanceof CanceledFailure cancelled
            ? cancelled
            : new CanceledFailure("Cancelled on request");
      }
      tracker.finish(ProjectStatus.FAILED, warnings, ProgressTracker.message(failure));
      recorder.recordOutcome(new Outcome(request.projectId(), tracker.snapshot(), null, 0));
      throw failure;
    }
  }

  private String enrich(
      String projectId, FeaturePlan plan, String manifest, List<String> warnings) {
    if (!plan.aiRequested()) {
      tracker.skip(Step.AI_ENRICHMENT, "Not requested by the spec");
      return manifest;
    }
    try {
      EnrichmentResult result =
          tracker.run(
              Step.AI_ENRICHMENT,
              () -> enrichment.enrich(new EnrichmentInput(projectId, manifest)),
              EnrichmentResult::attempt);
      warnings.addAll(result.warnings());
      if (!result.applied()) {
        tracker.skip(Step.AI_ENRICHMENT, result.skippedReason());
      }
      return result.manifestHash();
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure) {
        throw failure;
      }
      warnings.add(
          "AI enrichment failed, the project was generated without it: "
              + ProgressTracker.message(failure));
      return manifest;
    }
  }

  /**
   * Runs the verify step (behind the version marker {@code verify-step}, so histories recorded
   * before it replay unchanged). A failed verification leaves the project successful with a
   * warning: the zip is still what the spec asked for, and the result shows what to look at.
   */
  private Verification verify(
      String projectId, FeaturePlan plan, String manifest, List<String> warnings) {
    if (Workflow.getVersion("verify-step", Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      tracker.skip(Step.VERIFY, "Not part of this workflow version");
      return null;
    }
    if (!plan.verifyRequested()) {
      tracker.skip(Step.VERIFY, plan.verifyNote());
      return Verification.skipped(plan.verifyNote());
    }
    try {
      Verification result =
          tracker
              .run(
                  Step.VERIFY,
                  () -> verifier.verify(new VerificationInput(projectId, manifest)),
                  VerificationResult::attempt)
              .verification();
      switch (result.state()) {
        case PASSED -> tracker.detail(Step.VERIFY, result.reason());
        case SKIPPED -> tracker.skip(Step.VERIFY, result.reason());
        case FAILED -> {
          tracker.fail(Step.VERIFY, result.reason());
          warnings.add("Verification failed: " + result.reason());
        }
      }
      return result;
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure) {
        throw failure;
      }
      if (failure.getCause() instanceof TimeoutFailure timeout
          && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        String reason =
            "No worker with a verification toolchain picked it up within "
                + (verifyScheduleToStart.toSeconds() % 60 == 0
                    ? verifyScheduleToStart.toMinutes() + " minutes"
                    : verifyScheduleToStart.toSeconds() + " seconds");
        tracker.skip(Step.VERIFY, reason);
        warnings.add("Verification skipped: " + reason);
        return Verification.skipped(reason);
      }
      String reason = "Verification could not run: " + ProgressTracker.message(failure);
      warnings.add(reason);
      return Verification.skipped(reason);
    }
  }

  @Override
  public Progress progress() {
    return tracker.snapshot();
  }
}
