package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code default} of a field: read as canonical text, and refused with a reason where wrong.
 */
class FieldDefaultsTests {

  private final SpecValidator validator = new SpecValidator();

  @Test
  void everyDefaultableTypeReadsItsDefaultAsCanonicalText() {
    ValidationResult result =
        validator.validate(read("defaults.json").getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors()).isEmpty();
    Map<String, String> defaults =
        result.spec().entities().get(0).fields().stream()
            .filter(f -> f.defaultValue() != null)
            .collect(Collectors.toMap(f -> f.name().value(), FieldSpec::defaultValue));
    assertThat(defaults)
        .containsEntry("status", "OPEN")
        .containsEntry("priority", "3")
        .containsEntry("estimate", "1.5")
        .containsEntry("urgent", "false")
        .containsEntry("due", "2030-01-31")
        .containsEntry("reference", "123e4567-e89b-12d3-a456-426614174000");
    FieldSpec status = result.spec().entities().get(0).fields().get(1);
    assertThat(status.nullable()).isFalse();
    assertThat(result.spec().entities().get(0).fields().get(10).nullable()).isTrue();
  }

  @Test
  void theSpecWrittenBackKeepsEveryDefaultWithItsJsonType() {
    ProjectSpec spec =
        validator.validate(read("defaults.json").getBytes(StandardCharsets.UTF_8)).spec();

    String written = SpecJson.write(spec);

    assertThat(written)
        .contains("\"default\": 3")
        .contains("\"default\": 1.5")
        .contains("\"default\": false")
        .contains("\"default\": \"OPEN\"");
    assertThat(SpecJson.write(validator.validate(written.getBytes(StandardCharsets.UTF_8)).spec()))
        .isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\": \"integer\", \"required\": true, \"default\": 1}"
            + "|required field is given on every create",
        "{\"type\": \"integer\", \"min\": 1, \"max\": 5, \"default\": 9}|is above max (5)",
        "{\"type\": \"decimal\", \"min\": 0, \"default\": -0.5}|is below min (0)",
        "{\"type\": \"integer\", \"default\": 1.5}|must be a whole number",
        "{\"type\": \"integer\", \"default\": \"3\"}|must be a finite number, not",
        "{\"type\": \"boolean\", \"default\": \"yes\"}|must be true or false",
        "{\"type\": \"enum\", \"values\": [\"A\", \"B\"], \"default\": \"C\"}|is not one of the values",
        "{\"type\": \"date\", \"default\": \"31.01.2030\"}|is written YYYY-MM-DD",
        "{\"type\": \"uuid\", \"default\": \"not-a-uuid\"}|32 hex digits",
        "{\"type\": \"string\", \"maxLength\": 3, \"default\": \"four\"}|takes 0 to 3",
        "{\"type\": \"string\", \"pattern\": \"[a-z]+\", \"default\": \"A1\"}|does not match",
        "{\"type\": \"string\", \"maxLength\": 60, \"pattern\": \"(.*a){12}\","
            + " \"default\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"}|takes too long",
        "{\"type\": \"string\", \"default\": \"line\\nbreak\"}|control characters",
        "{\"type\": \"text\", \"default\": \"x\"}|applies only to",
        "{\"type\": \"datetime\", \"default\": \"2030-01-01T00:00:00Z\"}|applies only to"
      })
  void aDefaultThatDoesNotFitItsFieldIsRefusedAtItsPointer(String field, String reason) {
    String json =
        "{\"name\": \"d\", \"stack\": \"flask\", \"database\": \"sqlite\", \"entities\": [{\"name\":"
            + " \"Thing\", \"fields\": [{\"name\": \"value\", "
            + field.substring(1)
            + "]}]}";

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/0/default");
              assertThat(error.message()).contains(reason);
            });
  }

  private static String read(String name) {
    try (InputStream in = FieldDefaultsTests.class.getResourceAsStream("/specs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
