package io.backforge.workflows;

/** Where a step stands. */
public enum StepState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CANCELLED
}
