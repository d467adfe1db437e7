package io.backforge.activities.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.workflows.ProjectStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectSpecsTests {

  private final ProjectSpecs specs = new ProjectSpecs();

  @Test
  void theStepsOfOneGenerationShareOneDescriptionOfItsSpec() throws IOException {
    ProjectSpecs.Result first = specs.of(project(library()));
    ProjectSpecs.Result again = specs.of(project(library()));

    assertThat(first.valid()).isPresent();
    assertThat(again.spec()).isSameAs(first.spec());
  }

  @Test
  void anotherSpecTextGetsADescriptionOfItsOwn() throws IOException {
    ProjectSpecs.Result library = specs.of(project(library()));
    ProjectSpecs.Result renamed =
        specs.of(project(library().replace("library-service", "lending-service")));

    assertThat(renamed.spec()).isNotSameAs(library.spec());
    assertThat(renamed.spec().name().kebab()).isEqualTo("lending-service");
  }

  @Test
  void anInvalidSpecAnswersTheValidatorsProblemsEveryTime() {
    String invalid = "{\"name\":\"x\",\"stack\":\"cobol\",\"database\":\"sqlite\",\"entities\":[]}";

    ProjectSpecs.Result result = specs.of(project(invalid));

    assertThat(result.valid()).isEmpty();
    assertThat(result.invalid().errors()).extracting(e -> e.pointer()).contains("/stack");
    assertThat(specs.of(project(invalid)).invalid()).isNotNull();
  }

  private static String library() throws IOException {
    try (InputStream in = ProjectSpecsTests.class.getResourceAsStream("/specs/library.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ProjectRecord project(String spec) {
    Instant now = Instant.parse("2026-12-04T00:00:00Z");
    return new ProjectRecord(
        UUID.randomUUID(),
        "owner",
        "name",
        "flask",
        spec,
        ProjectStatus.QUEUED,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        now,
        null,
        null);
  }
}
