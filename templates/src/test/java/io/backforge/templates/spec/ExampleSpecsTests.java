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

  /**
   * The tests' own copies of the examples (which the golden files and the generated suites are made
   * from) are the examples byte for byte, so what README posts is what the tests prove.
   */
  @Test
  void theTestsCopiesOfTheExamplesAreTheExamples() throws IOException {
    Path copies = Path.of("src", "test", "resources", "specs");
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path example : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Path copy = copies.resolve(example.getFileName());
        assertThat(copy).as("a test copy of " + example).exists();
        assertThat(Files.readAllBytes(copy))
            .as(copy.toString())
            .isEqualTo(Files.readAllBytes(example));
      }
    }
  }
}
