package io.backforge.workflows;

/**
 * The result of proving a generated project: {@code black --check}, {@code pyflakes3} and its own
 * pytest suite, run in a sandbox on a worker of {@link TaskQueues#VERIFY}.
 *
 * @param state the verdict
 * @param reason one sentence for people: why it was skipped or failed, or what passed
 * @param testsPassed generated tests that passed
 * @param testsFailed generated tests that failed or errored
 * @param lintFindings files Black would reformat plus pyflakes findings
 * @param logTail the end of the tools' output (a few KiB), or {@code null}
 * @param durationMillis how long the checks took, 0 when skipped
 */
public record Verification(
    VerificationState state,
    String reason,
    int testsPassed,
    int testsFailed,
    int lintFindings,
    String logTail,
    long durationMillis) {

  /** A verification that did not run, with the reason. */
  public static Verification skipped(String reason) {
    return new Verification(VerificationState.SKIPPED, reason, 0, 0, 0, null, 0);
  }
}
