package io.backforge.workflows;

import java.util.List;

/**
 * A snapshot of a generation, answered by {@link ProjectGenerationWorkflow#progress()} and stored
 * with the project when it ends.
 *
 * @param status the project status
 * @param steps every step in order
 * @param warnings warnings for people (for example enrichment that failed for good)
 * @param error why the generation failed, or {@code null}
 */
public record Progress(
    ProjectStatus status, List<StepProgress> steps, List<String> warnings, String error) {

  public Progress {
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }
}
