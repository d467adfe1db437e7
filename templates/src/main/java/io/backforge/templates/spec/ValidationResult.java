package io.backforge.templates.spec;

import java.util.List;

/**
 * The outcome of validating a spec: either a spec and no errors, or every error found.
 *
 * @param spec the validated spec, {@code null} when there are errors
 * @param errors every problem found, in document order
 */
public record ValidationResult(ProjectSpec spec, List<SpecError> errors) {

  public ValidationResult {
    errors = List.copyOf(errors);
  }

  /** Whether the spec is valid. */
  public boolean valid() {
    return errors.isEmpty();
  }
}
