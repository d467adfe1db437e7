package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The specs under {@code examples/}, which README's commands post, are valid as they stand. */
class ExampleSpecsTests {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void everyExampleSpecIsValidAndTheWalkthroughsOneIsThere() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      specs = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }

    assertThat(specs).extracting(p -> p.getFileName().toString()).contains("library.json");
    for (Path spec : specs) {
      ValidationResult result = new SpecValidator().validate(Files.readAllBytes(spec));
      assertThat(result.errors()).as(spec.toString()).isEmpty();
    }
  }
}
