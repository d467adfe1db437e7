package io.backforge.templates.flask;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.Stack;

/** Generates a Flask project from the template pack under {@code stacks/flask}. */
public final class FlaskGenerator implements StackGenerator {

  @Override
  public Stack stack() {
    return Stack.FLASK;
  }

  @Override
  public GeneratedProject generate(ProjectSpec spec) {
    // Placeholder until the Flask pack lands: the spec file alone.
    return GeneratedProject.builder(spec.name().kebab())
        .text("README.md", "# " + spec.name().value() + "\n")
        .build();
  }
}
