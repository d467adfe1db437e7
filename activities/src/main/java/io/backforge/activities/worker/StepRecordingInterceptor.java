package io.backforge.activities.worker;

import io.backforge.activities.store.ProjectStore;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepState;
import io.backforge.workflows.payload.ProjectScoped;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every step attempt's start, end and error to PostgreSQL as the worker runs it, so the web
 * role reports progress from the database alone: no workflow query (a full history replay without
 * sticky execution) per status poll, and correct answers while Temporal is away. The workflow's own
 * progress query stays the record of what the workflow decided.
 */
class StepRecordingInterceptor extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(StepRecordingInterceptor.class);

  private final ProjectStore projects;

  StepRecordingInterceptor(ProjectStore projects) {
    this.projects = projects;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        Optional<Step> step = Step.forActivity(context.getInfo().getActivityType());
        Optional<UUID> project = project(input);
        if (step.isEmpty() || project.isEmpty()) {
          return super.execute(input);
        }
        record(
            () -> projects.stepStarted(project.get(), step.get(), context.getInfo().getAttempt()));
        try {
          ActivityOutput output = super.execute(input);
          record(() -> projects.stepEnded(project.get(), step.get(), StepState.SUCCEEDED, null));
          return output;
        } catch (RuntimeException e) {
          StepState state =
              e instanceof ApplicationFailure failure && failure.isNonRetryable()
                  ? StepState.FAILED
                  : StepState.RUNNING;
          String message =
              e instanceof ApplicationFailure failure
                  ? failure.getOriginalMessage()
                  : e.getMessage();
          record(() -> projects.stepEnded(project.get(), step.get(), state, message));
          throw e;
        }
      }
    };
  }

  private static Optional<UUID> project(ActivityInboundCallsInterceptor.ActivityInput input) {
    Object[] arguments = input.getArguments();
    if (arguments.length == 1 && arguments[0] instanceof ProjectScoped scoped) {
      try {
        return Optional.of(UUID.fromString(scoped.projectId()));
      } catch (IllegalArgumentException notAUuid) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Progress is a report, not the work: failing to write it never fails the step. */
  private static void record(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      log.warn("Could not record step progress: {}", e.getMessage());
    }
  }
}
