package io.backforge.workflows.payload;

import java.util.List;

/**
 * Outcome of a successful generation.
 *
 * @param artifactHash SHA-256 of the zip in the blob store
 * @param artifactSize size of the zip in bytes
 * @param fileCount number of files in the project
 * @param warnings warnings for people
 */
public record GenerationResult(
    String artifactHash, long artifactSize, int fileCount, List<String> warnings) {}
