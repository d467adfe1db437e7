package io.backforge.workflows.payload;

/**
 * Input of a generation: the project is stored; the workflow carries only its id.
 *
 * @param projectId the project id (a UUID)
 */
public record GenerationRequest(String projectId) {}
