package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code onDelete} on relations: read, written back, and refused with a reason where wrong. */
class DeleteRulesTests {

  private final SpecValidator validator = new SpecValidator();

  @Test
  void eachRuleIsReadAndTheDefaultIsRestrict() {
    ProjectSpec spec = validator.validate(read("delete-rules.json")).spec();

    EntitySpec pet = spec.entities().get(1);
    assertThat(pet.relations())
        .extracting(r -> r.name().value(), RelationSpec::onDelete)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("owner", DeleteRule.CASCADE),
            org.assertj.core.groups.Tuple.tuple("sitter", DeleteRule.SET_NULL),
            org.assertj.core.groups.Tuple.tuple("mother", DeleteRule.CASCADE),
            org.assertj.core.groups.Tuple.tuple("tags", DeleteRule.RESTRICT));
    assertThat(spec.entities().get(2).relations().get(0).onDelete()).isEqualTo(DeleteRule.RESTRICT);
  }

  @Test
  void theSpecWrittenBackKeepsTheRulesThatAreNotTheDefault() {
    String written = SpecJson.write(validator.validate(read("delete-rules.json")).spec());

    assertThat(written)
        .contains("\"onDelete\": \"cascade\"")
        .contains("\"onDelete\": \"set-null\"");
    assertThat(written).doesNotContain("restrict");
    assertThat(SpecJson.write(validator.validate(written.getBytes(StandardCharsets.UTF_8)).spec()))
        .isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"kind\": \"many-to-one\", \"required\": true, \"onDelete\": \"set-null\""
            + "|a required relation cannot be set to null",
        "\"kind\": \"many-to-one\", \"onDelete\": \"drop\"|unknown delete rule 'drop'",
        "\"kind\": \"many-to-many\", \"onDelete\": \"cascade\"|applies only to many-to-one"
      })
  void aRuleThatDoesNotFitItsRelationIsRefusedAtItsPointer(String relation, String reason) {
    String json =
        "{\"name\": \"d\", \"stack\": \"flask\", \"database\": \"sqlite\", \"entities\": ["
            + "{\"name\": \"Owner\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"}]},"
            + "{\"name\": \"Pet\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"}],"
            + " \"relations\": [{\"name\": \"owner\", \"target\": \"Owner\", "
            + relation
            + "}]}]}";

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/relations/0/onDelete");
              assertThat(error.message()).contains(reason);
            });
  }

  @Test
  void aStackWhosePackDoesNotRenderTheRulesIsNamedWithTheStacksThatDo() {
    String json =
        new String(read("delete-rules.json"), StandardCharsets.UTF_8)
            .replace("\"stack\": \"flask\"", "\"stack\": \"nestjs\"");

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly(
            "/entities/1/relations/0/onDelete",
            "/entities/1/relations/1/onDelete",
            "/entities/1/relations/2/onDelete",
            "/entities/2/relations/1/onDelete");
    assertThat(result.errors().get(0).message())
        .isEqualTo(
            "the nestjs stack does not support delete rules other than restrict yet; remove it or"
                + " choose a stack that does: flask, spring-boot");
  }

  private static byte[] read(String name) {
    try (InputStream in = DeleteRulesTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
