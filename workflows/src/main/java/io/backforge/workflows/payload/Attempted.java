package io.backforge.workflows.payload;

/** The result of a step's activity: which attempt produced it, and a note on it for people. */
public interface Attempted {

  /** The attempt that produced this result (1 for the first). */
  int attempt();

  /** A short note on the result for the step's progress ("38 files"), or {@code null}. */
  default String detail() {
    return null;
  }
}
