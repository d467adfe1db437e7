package io.backforge.templates.generate;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.Stack;

/** Turns a validated spec into the files of a project for one stack. Deterministic. */
public interface StackGenerator {

  /** The stack this generator produces. */
  Stack stack();

  /** The files of the project described by {@code spec}; same spec, same bytes. */
  GeneratedProject generate(ProjectSpec spec);

  /**
   * The files of the project described by {@code spec}, with the descriptions, overview and sample
   * data of a validated {@code enrichment} rendered as data. Stacks that render no enrichment
   * answer {@link #generate(ProjectSpec)}. Same spec and enrichment, same bytes.
   */
  default GeneratedProject generate(ProjectSpec spec, Enrichment enrichment) {
    return generate(spec);
  }
}
