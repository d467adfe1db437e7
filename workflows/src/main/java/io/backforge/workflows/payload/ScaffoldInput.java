package io.backforge.workflows.payload;

/**
 * Input of the scaffold step.
 *
 * @param projectId the project id
 * @param plan the feature plan
 */
public record ScaffoldInput(String projectId, FeaturePlan plan) implements ProjectScoped {}
