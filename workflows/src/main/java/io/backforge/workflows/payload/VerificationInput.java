package io.backforge.workflows.payload;

/**
 * Input of the verify step.
 *
 * @param projectId the project id
 * @param manifestHash the manifest whose files are verified (the files that go into the zip)
 */
public record VerificationInput(String projectId, String manifestHash) implements ProjectScoped {}
