package io.backforge.workflows;

import io.backforge.workflows.payload.DraftInput;
import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;

/**
 * The draft as one activity call ({@link SpecDraftWorkflow}) with the options of {@link
 * DraftOptions}; an activity that failed for good becomes a result saying why.
 */
public class SpecDraftWorkflowImpl implements SpecDraftWorkflow {

  private final Duration scheduleToStart;

  /** The workflow as workers run it. */
  public SpecDraftWorkflowImpl() {
    this(DraftOptions.SCHEDULE_TO_START);
  }

  /** With a short {@code scheduleToStart} for tests (the test server's clock is real). */
  SpecDraftWorkflowImpl(Duration scheduleToStart) {
    this.scheduleToStart = scheduleToStart;
  }

  @Override
  public DraftResult draft(DraftRequest request) {
    DraftActivities activities =
        DraftOptions.activities(
            DraftOptions.modelTimeout(request.modelTimeoutMillis()), scheduleToStart);
    try {
      return activities.draft(new DraftInput(request.prompt(), request.owner()));
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure) {
        throw failure;
      }
      return ended(failure);
    }
  }

  /**
   * The result of an activity that failed for good: the model's last failure when there was one,
   * otherwise what timed out.
   */
  private DraftResult ended(ActivityFailure failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application) {
        return DraftResult.failed(application.getOriginalMessage());
      }
    }
    if (failure.getCause() instanceof TimeoutFailure timeout
        && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
      return DraftResult.unavailable(
          "No worker with a free language model slot took the draft within "
              + scheduleToStart.toSeconds()
              + " seconds; try again shortly");
    }
    return DraftResult.failed("The language model did not answer in time");
  }
}
