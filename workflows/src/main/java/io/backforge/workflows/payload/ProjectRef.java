package io.backforge.workflows.payload;

/**
 * Names a stored project.
 *
 * @param projectId the project id (a UUID)
 */
public record ProjectRef(String projectId) implements ProjectScoped {}
