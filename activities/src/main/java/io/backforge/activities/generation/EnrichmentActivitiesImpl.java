package io.backforge.activities.generation;

import io.backforge.workflows.EnrichmentActivities;
import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.temporal.activity.Activity;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * AI enrichment. No language model provider is wired in yet, so the step reports itself skipped
 * with that reason and the project is zipped as scaffolded.
 */
@Component
public class EnrichmentActivitiesImpl implements EnrichmentActivities {

  /** The reason given when no model is configured. */
  public static final String NO_MODEL = "No language model is configured";

  @Override
  public EnrichmentResult enrich(EnrichmentInput input) {
    return new EnrichmentResult(
        false,
        input.manifestHash(),
        NO_MODEL,
        List.of(),
        Activity.getExecutionContext().getInfo().getAttempt());
  }
}
