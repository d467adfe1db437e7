package io.backforge.workflows;

import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.backforge.workflows.payload.FeaturePlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;

/**
 * The AI enrichment step, workflow side: skipped unless the spec asks for it; a failure for good
 * leaves the project as generated, with a warning, since enrichment only adds to it.
 */
final class EnrichmentStep {

  private final EnrichmentActivities enrichment = GenerationOptions.enrichment();
  private final ProgressTracker tracker;

  EnrichmentStep(ProgressTracker tracker) {
    this.tracker = tracker;
  }

  /** The manifest to go on with: the enriched one, or {@code manifest} as it was. */
  String run(String projectId, FeaturePlan plan, String manifest) {
    if (!plan.aiRequested()) {
      tracker.skip(Step.AI_ENRICHMENT, "Not requested by the spec");
      return manifest;
    }
    try {
      EnrichmentResult result =
          tracker.run(
              Step.AI_ENRICHMENT,
              () -> enrichment.enrich(new EnrichmentInput(projectId, manifest)));
      result.warnings().forEach(tracker::warn);
      if (!result.applied()) {
        tracker.skip(Step.AI_ENRICHMENT, result.skippedReason());
      }
      return result.manifestHash();
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure) {
        throw failure;
      }
      tracker.warn(
          "AI enrichment failed, the project was generated without it: "
              + ProgressTracker.message(failure));
      return manifest;
    }
  }
}
