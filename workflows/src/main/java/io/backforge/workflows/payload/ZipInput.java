package io.backforge.workflows.payload;

/**
 * Input of the zip step.
 *
 * @param projectId the project id
 * @param manifestHash the manifest whose files go into the zip
 */
public record ZipInput(String projectId, String manifestHash) implements ProjectScoped {}
