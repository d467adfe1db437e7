package io.backforge.workflows.payload;

/**
 * Result of validating the stored spec.
 *
 * @param entityCount number of entities in the spec
 * @param attempt the activity attempt that produced this result (1 for the first)
 */
public record SpecCheck(int entityCount, int attempt) implements Attempted {
  /** For the step's progress. */
  @Override
  public String detail() {
    return entityCount() + " entities";
  }
}
