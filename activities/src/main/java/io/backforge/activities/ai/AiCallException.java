package io.backforge.activities.ai;

import io.backforge.workflows.EnrichmentActivities;
import io.temporal.failure.ApplicationFailure;

/**
 * A model call that gave no usable answer, classified so that callers know whether to retry. The
 * message is written for people and never carries the provider's response body or credentials.
 */
public final class AiCallException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** The provider rejected the credentials (401, 403): retrying cannot help. */
    AUTHENTICATION,
    /**
     * The provider rejected the request itself (400, 404, content filter): retrying cannot help.
     */
    BAD_REQUEST,
    /** Timeouts, 429, 5xx and connection failures: worth retrying with backoff. */
    RETRYABLE,
    /** The model answered, but not in the requested shape. */
    MALFORMED_ANSWER
  }

  private final Kind kind;
  private final transient AiUsage usage;

  AiCallException(Kind kind, String message, AiUsage usage, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.usage = usage;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /**
   * This failure as an activity fails with it, for the kinds every model call treats alike: refused
   * credentials and refused requests are not retried, the rest is. A malformed answer is each
   * caller's own to handle (enrichment skips, a draft fails), so it has no failure here.
   */
  public ApplicationFailure activityFailure() {
    return switch (kind) {
      case AUTHENTICATION ->
          ApplicationFailure.newNonRetryableFailure(
              getMessage(), EnrichmentActivities.AI_AUTHENTICATION);
      case BAD_REQUEST ->
          ApplicationFailure.newNonRetryableFailure(
              getMessage(), EnrichmentActivities.AI_BAD_REQUEST);
      case RETRYABLE ->
          ApplicationFailure.newFailure(getMessage(), EnrichmentActivities.AI_UNAVAILABLE);
      case MALFORMED_ANSWER ->
          throw new IllegalStateException("a malformed answer is the caller's to handle", this);
    };
  }

  /** Tokens spent before the failure (a malformed answer still costs). */
  public AiUsage usage() {
    return usage;
  }
}
