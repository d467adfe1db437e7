package io.backforge.activities.ai;

/**
 * Tokens spent on model calls.
 *
 * @param requests how many calls were answered
 * @param inputTokens tokens sent
 * @param outputTokens tokens received
 */
public record AiUsage(int requests, long inputTokens, long outputTokens) {

  /** Nothing spent. */
  public static final AiUsage NONE = new AiUsage(0, 0, 0);

  /** Input and output tokens together. */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /** This usage and {@code other} together. */
  public AiUsage plus(AiUsage other) {
    return new AiUsage(
        requests + other.requests,
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens);
  }
}
