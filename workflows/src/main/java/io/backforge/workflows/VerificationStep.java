package io.backforge.workflows;

import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.VerificationInput;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The verify step, workflow side (behind the version marker {@code verify-step}, so histories
 * recorded before it replay unchanged). A failed verification leaves the project successful with a
 * warning: the zip is still what the spec asked for, and the result shows what to look at. When no
 * worker with a toolchain takes it in time, or it cannot run, it is skipped with the reason.
 */
final class VerificationStep {

  private final ProgressTracker tracker;
  private final Duration scheduleToStart;
  private final VerificationActivities verifier;

  VerificationStep(ProgressTracker tracker, Duration scheduleToStart) {
    this.tracker = tracker;
    this.scheduleToStart = scheduleToStart;
    this.verifier = GenerationOptions.verifier(scheduleToStart);
  }

  /** The verification, or {@code null} for a workflow version without the step. */
  Verification run(String projectId, FeaturePlan plan, String manifest) {
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
              .run(Step.VERIFY, () -> verifier.verify(new VerificationInput(projectId, manifest)))
              .verification();
      switch (result.state()) {
        case PASSED -> tracker.detail(Step.VERIFY, result.reason());
        case SKIPPED -> tracker.skip(Step.VERIFY, result.reason());
        case FAILED -> {
          tracker.fail(Step.VERIFY, result.reason());
          tracker.warn("Verification failed: " + result.reason());
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
                + (scheduleToStart.toSeconds() % 60 == 0
                    ? scheduleToStart.toMinutes() + " minutes"
                    : scheduleToStart.toSeconds() + " seconds");
        tracker.skip(Step.VERIFY, reason);
        tracker.warn("Verification skipped: " + reason);
        return Verification.skipped(reason);
      }
      String reason = "Verification could not run: " + ProgressTracker.message(failure);
      tracker.warn(reason);
      return Verification.skipped(reason);
    }
  }
}
