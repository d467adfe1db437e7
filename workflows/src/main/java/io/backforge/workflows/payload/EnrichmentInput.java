package io.backforge.workflows.payload;

/**
 * Input of the AI enrichment step.
 *
 * @param projectId the project id
 * @param manifestHash the manifest of the scaffolded files
 */
public record EnrichmentInput(String projectId, String manifestHash) implements ProjectScoped {}
