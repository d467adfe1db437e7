package io.backforge.workflows;

import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.GenerationRequest;
import io.backforge.workflows.payload.GenerationResult;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The generation as a short list of activity calls ({@link ProjectGenerationWorkflow}) with the
 * options of {@link GenerationOptions}; the optional steps, which fail softly, are {@link
 * EnrichmentStep} and {@link VerificationStep}.
 */
public class ProjectGenerationWorkflowImpl implements ProjectGenerationWorkflow {

  private final ProgressTracker tracker = new ProgressTracker(GenerationOptions::maximumAttempts);
  private final GenerationActivities scaffolder = GenerationOptions.scaffolder();
  private final EnrichmentStep enrichment = new EnrichmentStep(tracker);
  private final VerificationStep verification;

  /** The workflow as workers run it. */
  public ProjectGenerationWorkflowImpl() {
    this(GenerationOptions.VERIFY_SCHEDULE_TO_START);
  }

  /** With a short {@code verifyScheduleToStart} for tests (the test server's clock is real). */
  ProjectGenerationWorkflowImpl(Duration verifyScheduleToStart) {
    verification = new VerificationStep(tracker, verifyScheduleToStart);
  }

  @Override
  public GenerationResult generate(GenerationRequest request) {
    String id = request.projectId();
    boolean local = Workflow.getVersion("local-steps", Workflow.DEFAULT_VERSION, 1) > 0;
    GenerationActivities steps = GenerationOptions.stub(local, GenerationOptions.STEP_RETRY);
    GenerationActivities recorder = GenerationOptions.stub(local, GenerationOptions.RECORD_RETRY);
    ProjectRef project = new ProjectRef(id);
    tracker.start();
    try {
      tracker.run(Step.VALIDATE_SPEC, () -> steps.validateSpec(project));
      FeaturePlan plan = tracker.run(Step.CREATE_FEATURES, () -> steps.createFeatures(project));
      ScaffoldInput input = new ScaffoldInput(id, plan);
      ScaffoldResult files = tracker.run(Step.SCAFFOLD, () -> scaffolder.scaffold(input));
      String manifest = enrichment.run(id, plan, files.manifestHash());
      Verification verified = verification.run(id, plan, manifest);
      ZipResult zip = tracker.run(Step.ZIP, () -> steps.zip(new ZipInput(id, manifest)));
      tracker.finish(ProjectStatus.SUCCEEDED, null);
      recorder.recordOutcome(
          new Outcome(id, tracker.snapshot(), zip.artifactHash(), zip.size(), verified));
      return new GenerationResult(
          zip.artifactHash(), zip.size(), zip.fileCount(), tracker.warnings());
    } catch (ActivityFailure | CanceledFailure failure) {
      boolean cancelled = CancellationScope.current().isCancelRequested();
      tracker.end(cancelled, failure);
      Outcome outcome = new Outcome(id, tracker.snapshot(), null, 0);
      if (!cancelled) {
        recorder.recordOutcome(outcome);
        throw failure;
      }
      Workflow.newDetachedCancellationScope(() -> recorder.recordOutcome(outcome)).run();
      throw failure instanceof CanceledFailure c ? c : new CanceledFailure("Cancelled on request");
    }
  }

  @Override
  public Progress progress() {
    return tracker.snapshot();
  }
}
