package io.backforge.templates.spec;

/**
 * AI enrichment options.
 *
 * @param enrich whether the AI enrichment step should run
 * @param instructions optional extra instructions for the model; data, never code
 */
public record AiOptions(boolean enrich, String instructions) {

  /** No enrichment. */
  public static AiOptions none() {
    return new AiOptions(false, null);
  }
}
