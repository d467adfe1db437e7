package io.backforge.workflows;

import io.backforge.workflows.payload.Attempted;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Workflow-side bookkeeping of step states; deterministic (workflow time only, enum order). */
final class ProgressTracker {

  private final Map<Step, StepProgress> steps = new EnumMap<>(Step.class);
  private final ToIntFunction<Step> maximumAttempts;
  private final List<String> warnings = new ArrayList<>();
  private ProjectStatus status = ProjectStatus.QUEUED;
  private String error;

  /** A tracker reporting, for a step that used up its retries, {@code maximumAttempts} of it. */
  ProgressTracker(ToIntFunction<Step> maximumAttempts) {
    this.maximumAttempts = maximumAttempts;
    for (Step step : Step.values()) {
      steps.put(step, StepProgress.pending(step));
    }
  }

  void start() {
    status = ProjectStatus.RUNNING;
  }

  /** Runs one step's activity, recording its state, attempts, error and the result's detail. */
  <T extends Attempted> T run(Step step, Supplier<T> activity) {
    long started = Workflow.currentTimeMillis();
    steps.put(step, new StepProgress(step, StepState.RUNNING, 1, null, null, started, 0));
    try {
      T result = activity.get();
      steps.put(
          step,
          new StepProgress(
              step,
              StepState.SUCCEEDED,
              result.attempt(),
              null,
              result.detail(),
              started,
              Workflow.currentTimeMillis()));
      return result;
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure) {
        throw failure;
      }
      steps.put(
          step,
          new StepProgress(
              step,
              StepState.FAILED,
              attempts(step, failure),
              message(failure),
              null,
              started,
              Workflow.currentTimeMillis()));
      throw failure;
    }
  }

  void detail(Step step, String detail) {
    StepProgress p = steps.get(step);
    steps.put(
        step,
        new StepProgress(
            step, p.state(), p.attempts(), p.lastError(), detail, p.startedAt(), p.endedAt()));
  }

  /** Marks a step that ran as failed with {@code reason}, without failing the generation. */
  void fail(Step step, String reason) {
    StepProgress p = steps.get(step);
    steps.put(
        step,
        new StepProgress(
            step, StepState.FAILED, p.attempts(), reason, reason, p.startedAt(), p.endedAt()));
  }

  void skip(Step step, String reason) {
    StepProgress p = steps.get(step);
    long now = Workflow.currentTimeMillis();
    steps.put(
        step,
        new StepProgress(
            step,
            StepState.SKIPPED,
            p.attempts(),
            p.lastError(),
            reason,
            p.startedAt() == 0 ? now : p.startedAt(),
            now));
  }

  /** Adds a warning for people to the progress. */
  void warn(String warning) {
    warnings.add(warning);
  }

  /** The warnings so far. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Ends the progress after {@code failure}: cancelled on request, or failed with its message. */
  void end(boolean cancelled, RuntimeException failure) {
    if (cancelled) {
      finish(ProjectStatus.CANCELLED, "Cancelled on request");
    } else {
      finish(ProjectStatus.FAILED, message(failure));
    }
  }

  void finish(ProjectStatus outcome, String error) {
    this.status = outcome;
    this.error = error;
    if (outcome == ProjectStatus.CANCELLED) {
      long now = Workflow.currentTimeMillis();
      for (StepProgress p : new ArrayList<>(steps.values())) {
        if (p.state() == StepState.PENDING || p.state() == StepState.RUNNING) {
          steps.put(
              p.step(),
              new StepProgress(
                  p.step(),
                  StepState.CANCELLED,
                  p.attempts(),
                  p.lastError(),
                  p.detail(),
                  p.startedAt(),
                  now));
        }
      }
    }
  }

  Progress snapshot() {
    return new Progress(status, List.copyOf(steps.values()), List.copyOf(warnings), error);
  }

  private int attempts(Step step, ActivityFailure failure) {
    if (failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      return maximumAttempts.applyAsInt(step);
    }
    if (failure.getCause() instanceof ApplicationFailure app && app.getDetails().getSize() > 0) {
      try {
        Integer attempt = app.getDetails().get(Integer.class);
        return attempt == null ? 1 : attempt;
      } catch (RuntimeException notAnAttempt) {
        return 1;
      }
    }
    return 1;
  }

  /** The message of the root cause of an activity failure, for people. */
  static String message(RuntimeException failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage();
    }
    return cause.getMessage();
  }
}
