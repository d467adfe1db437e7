package io.backforge.workflows.payload;

import io.backforge.workflows.Progress;

/**
 * The end of a generation, recorded on the project.
 *
 * @param projectId the project id
 * @param progress the final progress (status, steps, warnings, error)
 * @param artifactHash the zip, or {@code null} unless succeeded
 * @param artifactSize the zip size, 0 unless succeeded
 */
public record Outcome(
    String projectId, Progress progress, String artifactHash, long artifactSize) {}
