package io.backforge.templates.generate;

import java.util.List;
import java.util.function.Predicate;

/**
 * One small part of a stack's generation, as in Spring Initializr: given the immutable description
 * of the project being generated ({@code P}, a {@link ProjectDescription}), it adds its files. A
 * pack's generator is an ordered list of contributors, each conditional on the description where a
 * feature asks for it; a contributor never calls another, they compose through the description.
 *
 * @param <P> the pack's description of the project being generated
 */
@FunctionalInterface
public interface ProjectContributor<P> {

  /** Adds this contributor's files for {@code project} to {@code files}. */
  void contribute(P project, GeneratedProject.Builder files);

  /** {@code contributor}, contributing only to projects that satisfy {@code condition}. */
  static <P> ProjectContributor<P> when(Predicate<P> condition, ProjectContributor<P> contributor) {
    return (project, files) -> {
      if (condition.test(project)) {
        contributor.contribute(project, files);
      }
    };
  }

  /** Runs {@code contributors} in order for {@code project}: the project's files. */
  static <P> GeneratedProject generate(
      String rootFolder, P project, List<ProjectContributor<P>> contributors) {
    GeneratedProject.Builder files = GeneratedProject.builder(rootFolder);
    contributors.forEach(contributor -> contributor.contribute(project, files));
    return files.build();
  }
}
