package io.backforge.workflows.payload;

import java.util.List;

/**
 * Outcome of the AI enrichment step.
 *
 * @param applied whether the files were enriched
 * @param manifestHash the manifest to zip: the enriched one, or the input one when not applied
 * @param skippedReason why nothing was applied, or {@code null}
 * @param warnings warnings for people
 * @param attempt the activity attempt that produced this result
 */
public record EnrichmentResult(
    boolean applied, String manifestHash, String skippedReason, List<String> warnings, int attempt)
    implements Attempted {

  public EnrichmentResult {
    warnings = List.copyOf(warnings);
  }
}
