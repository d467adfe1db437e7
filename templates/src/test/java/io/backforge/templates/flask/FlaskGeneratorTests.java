package io.backforge.templates.flask;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.generate.GeneratedProject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlaskGeneratorTests {

  private final FlaskGenerator generator = new FlaskGenerator();

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "blog.json", "shop.json"})
  void generatedProjectPassesItsOwnTests(String spec, @TempDir Path dir) {
    GeneratedProject project = generator.generate(PythonRunner.spec(spec));
    PythonRunner.write(project, dir);

    PythonRunner.Result result = PythonRunner.pytest(dir);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("\\d+ passed");
  }
}
