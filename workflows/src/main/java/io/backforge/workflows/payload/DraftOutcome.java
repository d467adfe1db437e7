package io.backforge.workflows.payload;

/** How a spec draft ended. */
public enum DraftOutcome {
  /** The model answered a draft; the validator's errors say whether it is a valid spec. */
  DRAFTED,
  /** No model could be asked: none is configured on the worker, or no worker took the draft. */
  UNAVAILABLE,
  /** The model was asked and gave no usable answer. */
  FAILED
}
