package io.backforge.templates.generate;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions over a generated project, as Spring Initializr's tests have them: {@code
 * assertThat(project).containsFiles("app/models.py").file("requirements.txt").contains("flask")}.
 * Import {@link #assertThat(GeneratedProject)} statically beside AssertJ's own.
 */
public final class GeneratedProjectAssert
    extends AbstractAssert<GeneratedProjectAssert, GeneratedProject> {

  private GeneratedProjectAssert(GeneratedProject project) {
    super(project, GeneratedProjectAssert.class);
  }

  /** Assertions over {@code project}. */
  public static GeneratedProjectAssert assertThat(GeneratedProject project) {
    return new GeneratedProjectAssert(project);
  }

  /** The paths of every file, in order. */
  public ListAssert<String> filePaths() {
    isNotNull();
    return Assertions.assertThat(List.copyOf(actual.files().keySet()));
  }

  /** Verifies that the project has a file at each of {@code paths}. */
  public GeneratedProjectAssert containsFiles(String... paths) {
    filePaths().contains(paths);
    return this;
  }

  /** Verifies that the project has no file at any of {@code paths}. */
  public GeneratedProjectAssert doesNotContainFiles(String... paths) {
    filePaths().doesNotContain(paths);
    return this;
  }

  /** Verifies that no file lies below the folder {@code folder} (a path ending with a slash). */
  public GeneratedProjectAssert hasNoFilesUnder(String folder) {
    filePaths()
        .as("files under %s", folder)
        .noneMatch(path -> path.startsWith(folder.endsWith("/") ? folder : folder + "/"));
    return this;
  }

  /** Assertions over the text of the file at {@code path}, which must exist. */
  public AbstractStringAssert<?> file(String path) {
    containsFiles(path);
    return Assertions.assertThat(actual.text(path)).as(path);
  }
}
