package io.backforge.workflows.payload;

import io.backforge.workflows.Progress;
import io.backforge.workflows.Verification;

/**
 * The end of a generation, recorded on the project.
 *
 * @param projectId the project id
 * @param progress the final progress (status, steps, warnings, error)
 * @param artifactHash the zip, or {@code null} unless succeeded
 * @param artifactSize the zip size, 0 unless succeeded
 * @param verification the verification of the project, or {@code null} when it did not get that far
 */
public record Outcome(
    String projectId,
    Progress progress,
    String artifactHash,
    long artifactSize,
    Verification verification) {

  /** An outcome without a verification. */
  public Outcome(String projectId, Progress progress, String artifactHash, long artifactSize) {
    this(projectId, progress, artifactHash, artifactSize, null);
  }
}
