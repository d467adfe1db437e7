package io.backforge.workflows.payload;

import io.backforge.workflows.Verification;

/**
 * Outcome of the verify step.
 *
 * @param verification the verdict with counts and log tail
 * @param attempt the activity attempt that produced this result
 */
public record VerificationResult(Verification verification, int attempt) implements Attempted {}
