package io.backforge.templates.generate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratedProjectTests {

  @Test
  void dotFilesAreAccepted() {
    assertThatCode(() -> GeneratedProject.checkPath(".env.example")).doesNotThrowAnyException();
    assertThatCode(() -> GeneratedProject.checkPath("app/.gitignore")).doesNotThrowAnyException();
  }

  @Test
  void dotAndDotDotSegmentsAreRejected() {
    assertThatThrownBy(() -> GeneratedProject.checkPath("../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratedProject.checkPath("a/./b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GeneratedProject.checkPath("/abs"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
