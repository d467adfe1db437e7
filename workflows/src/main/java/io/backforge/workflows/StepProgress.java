package io.backforge.workflows;

/**
 * The progress of one step.
 *
 * @param step the step
 * @param state where it stands
 * @param attempts how many times its activity has been attempted so far (0 before it starts)
 * @param lastError the last error message, or {@code null}
 * @param detail a short note for people (why it was skipped, how many files), or {@code null}
 * @param startedAt workflow time the step started, epoch millis, 0 before it starts
 * @param endedAt workflow time the step ended, epoch millis, 0 while running
 */
public record StepProgress(
    Step step,
    StepState state,
    int attempts,
    String lastError,
    String detail,
    long startedAt,
    long endedAt) {

  /** A step that has not started. */
  public static StepProgress pending(Step step) {
    return new StepProgress(step, StepState.PENDING, 0, null, null, 0, 0);
  }
}
