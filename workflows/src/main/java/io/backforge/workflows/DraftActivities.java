package io.backforge.workflows;

import io.backforge.workflows.payload.DraftInput;
import io.backforge.workflows.payload.DraftResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A spec drafted from words by the language model, run on the {@link TaskQueues#AI} queue so that
 * the model's rate limits and concurrency apply to drafts as to enrichment.
 */
@ActivityInterface
public interface DraftActivities {

  /** Type of the non-retryable failure raised when the model's answer is not a draft at all. */
  String AI_MALFORMED_ANSWER = "AiMalformedAnswer";

  /**
   * Asks the model for a draft of the backend {@code input} describes and validates it, recording
   * the tokens it cost; answers {@code UNAVAILABLE} with the reason when this worker has no model
   * configured. Timeouts, 429 and 5xx answers are retried with backoff; {@link
   * EnrichmentActivities#AI_AUTHENTICATION}, {@link EnrichmentActivities#AI_BAD_REQUEST} and {@link
   * #AI_MALFORMED_ANSWER} are not. Not idempotent in cost (each attempt asks the model again) but
   * in effect: it stores nothing but the usage record, keyed by the attempt. It heartbeats while
   * the model thinks, so an attempt whose worker died is retried within seconds.
   */
  @ActivityMethod
  DraftResult draft(DraftInput input);
}
