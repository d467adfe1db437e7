package io.backforge.workflows;

/** The verdict of a project verification. */
public enum VerificationState {
  /** Lint clean and every generated test passed. */
  PASSED,
  /** Lint findings, failing tests, or a check that did not finish; the log tail says which. */
  FAILED,
  /** Not run: not requested, no toolchain or sandbox, or no worker picked it up; never a pass. */
  SKIPPED
}
