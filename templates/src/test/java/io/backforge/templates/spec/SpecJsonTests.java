package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecJsonTests {

  private final SpecValidator validator = new SpecValidator();

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "blog.json", "shop.json"})
  void writtenSpecValidatesToAnEqualSpec(String name) {
    ProjectSpec spec = validator.validate(SpecValidatorTests.sample(name)).spec();

    ValidationResult again =
        validator.validate(SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));

    assertThat(again.errors()).isEmpty();
    assertThat(again.spec()).isEqualTo(spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "blog.json", "shop.json"})
  void writingIsStable(String name) {
    ProjectSpec spec = validator.validate(SpecValidatorTests.sample(name)).spec();
    String written = SpecJson.write(spec);

    String rewritten =
        SpecJson.write(validator.validate(written.getBytes(StandardCharsets.UTF_8)).spec());

    assertThat(rewritten).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"library.json"})
  void writtenSpecIsPrettyAndCanonical(String name) {
    String written = SpecJson.write(validator.validate(SpecValidatorTests.sample(name)).spec());

    assertThat(written)
        .startsWith("{\n  \"name\": \"library-service\",\n  \"description\": ")
        .contains("\"min\": 0\n")
        .doesNotContain("\r")
        .endsWith("}\n");
  }
}
