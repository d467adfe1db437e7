package io.backforge.workflows;

import io.backforge.workflows.payload.EnrichmentInput;
import io.backforge.workflows.payload.EnrichmentResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** AI enrichment, run on its own task queue {@link TaskQueues#AI}. */
@ActivityInterface
public interface EnrichmentActivities {

  /** Type of the non-retryable failure raised when the model rejects our credentials. */
  String AI_AUTHENTICATION = "AiAuthentication";

  /** Type of the non-retryable failure raised when the model rejects the request itself. */
  String AI_BAD_REQUEST = "AiBadRequest";

  /** Type of the retryable failure raised for timeouts, 429, 5xx and connection failures. */
  String AI_UNAVAILABLE = "AiUnavailable";

  /**
   * Enriches the scaffolded files with model output, or answers {@code applied = false} with the
   * reason when no model is configured. Timeouts, 429 and 5xx answers are retried with backoff;
   * {@link #AI_AUTHENTICATION} and {@link #AI_BAD_REQUEST} are not. Idempotent: the enriched files
   * are content-addressed. It heartbeats while it runs, so an attempt whose worker died is retried
   * after the heartbeat timeout (seconds).
   */
  @ActivityMethod
  EnrichmentResult enrich(EnrichmentInput input);
}
