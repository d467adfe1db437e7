package io.backforge.workflows.payload;

/**
 * Tokens a model call cost.
 *
 * @param requests how many calls were answered
 * @param inputTokens tokens sent
 * @param outputTokens tokens received
 */
public record TokenUsage(int requests, long inputTokens, long outputTokens) {

  /** Nothing spent. */
  public static final TokenUsage NONE = new TokenUsage(0, 0, 0);
}
