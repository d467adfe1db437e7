package io.backforge.workflows;

import io.backforge.workflows.payload.VerificationInput;
import io.backforge.workflows.payload.VerificationResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Proves a generated project on its own task queue {@link TaskQueues#VERIFY}, which only workers
 * with a stack's toolchain (Python for Flask, Maven for Spring Boot) and the sandbox poll.
 */
@ActivityInterface
public interface VerificationActivities {

  /**
   * Writes the manifest's files to a fresh temporary directory and runs {@code black --check},
   * {@code pyflakes3} and the project's pytest suite in a sandbox without network, with time and
   * memory limits; answers the verdict, counts and the log tail. A project that fails its checks is
   * a normal result ({@link VerificationState#FAILED}), not an activity failure. Idempotent: it
   * reads content-addressed files and writes nothing but its own temporary directory, which it
   * deletes, so a retry simply runs the checks again. Infrastructure errors (store unreachable,
   * sandbox crash) are retried by the workflow's policy; a missing toolchain answers {@link
   * VerificationState#SKIPPED} with the reason. It heartbeats while the checks run, so an attempt
   * whose worker died is retried after the heartbeat timeout (seconds); an attempt that is
   * cancelled kills its sandboxes and ends as cancelled.
   */
  @ActivityMethod
  VerificationResult verify(VerificationInput input);
}
