package io.backforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.SpecJson;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Importing a spec into the wizard and submitting it unchanged gives back the same spec: every
 * property the wizard's form holds survives the round trip ({@code verify} and field descriptions
 * included), for every example under {@code examples/} and each of them with {@code "verify"} true
 * and false.
 */
class DraftJsonTests {

  static Stream<String> examples() throws IOException {
    List<String> out = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        out.add(json);
        for (String verify : List.of("true", "false")) {
          out.add(json.replaceFirst("\\{", "{\"verify\": " + verify + ", "));
        }
      }
    }
    out.add(
        """
        {"name": "notes", "stack": "flask", "database": "sqlite", "verify": false,
         "entities": [{"name": "Note", "description": "A note",
           "fields": [{"name": "text", "type": "text", "description": "What it says"}]}]}
        """);
    out.add(
        """
        {"name": "tickets", "stack": "spring-boot", "database": "postgresql",
         "entities": [{"name": "Ticket", "fields": [
           {"name": "status", "type": "enum", "values": ["OPEN", "CLOSED"], "default": "OPEN"},
           {"name": "priority", "type": "integer", "min": 1, "max": 5, "default": 3},
           {"name": "estimate", "type": "decimal", "default": 1.25},
           {"name": "urgent", "type": "boolean", "default": false},
           {"name": "due", "type": "date", "default": "2030-01-31"}]},
          {"name": "Note", "fields": [{"name": "text", "type": "string"}],
           "relations": [
             {"name": "ticket", "kind": "many-to-one", "target": "Ticket", "required": true,
              "onDelete": "cascade"},
             {"name": "seeAlso", "kind": "many-to-one", "target": "Ticket", "onDelete": "set-null"},
             {"name": "origin", "kind": "many-to-one", "target": "Ticket"},
             {"name": "pin", "kind": "one-to-one", "target": "Ticket"}],
           "unique": [["text", "ticket"], ["text", "seeAlso", "origin"]]}]}
        """);
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void anImportedSpecSubmittedUnchangedIsTheSameSpec(String json) {
    ProjectSpec original = valid(json.getBytes(StandardCharsets.UTF_8));

    ProjectSpec roundTripped =
        valid(DraftJson.write(DraftJson.read(json.getBytes(StandardCharsets.UTF_8))));

    assertThat(SpecJson.write(roundTripped)).isEqualTo(SpecJson.write(original));
  }

  @org.junit.jupiter.api.Test
  void everyProblemInsideTheUniqueGroupsIsShownAtTheEntitysUniqueInput() {
    assertThat(DraftJson.property("/entities/2/unique/0/1")).isEqualTo("entities[2].unique");
    assertThat(DraftJson.property("/entities/2/unique")).isEqualTo("entities[2].unique");
    assertThat(DraftJson.property("/entities/2/fields/1/default"))
        .isEqualTo("entities[2].fields[1].default");
  }

  private static ProjectSpec valid(byte[] json) {
    ValidationResult result = new SpecValidator().validate(json);
    assertThat(result.errors()).isEmpty();
    return result.spec();
  }
}
