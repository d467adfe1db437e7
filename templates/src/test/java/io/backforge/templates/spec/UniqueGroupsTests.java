package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.relational.Relations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code "unique"} groups on entities: resolved to fields and relations, or refused with why. */
class UniqueGroupsTests {

  private final SpecValidator validator = new SpecValidator();

  @Test
  void aGroupNamesFieldsAndToOneRelationsByColumnAndKey() {
    ProjectSpec spec = validator.validate(read("unique-groups.json")).spec();

    EntitySpec visit = spec.entities().get(2);
    assertThat(visit.unique()).hasSize(2);
    UniqueGroup slot = visit.unique().get(0);
    assertThat(Relations.uniqueColumns(visit, slot)).containsExactly("day", "slot", "vet_id");
    assertThat(Relations.uniqueKeys(visit, slot)).containsExactly("day", "slot", "vetId");
    assertThat(Relations.uniqueGroupName("visits", visit, slot))
        .isEqualTo("uq_visits_day_slot_vet_id");
    String written = SpecJson.write(spec);
    assertThat(written).contains("\"unique\": [");
    assertThat(SpecJson.write(validator.validate(written.getBytes(StandardCharsets.UTF_8)).spec()))
        .isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[[\"name\"]]|/entities/1/unique/0|a list of 2 to 8",
        "[[\"name\", \"name\"]]|/entities/1/unique/0/1|is listed twice",
        "[[\"name\", \"onwer\"]]|/entities/1/unique/0/1|did you mean 'owner'?",
        "[[\"name\", \"notes\"]]|/entities/1/unique/0/1|text field 'notes' cannot be in a unique",
        "[[\"name\", \"tags\"]]|/entities/1/unique/0/1|not the many-to-many relation 'tags'",
        "[[\"name\", \"owner\"], [\"owner\", \"name\"]]|/entities/1/unique/1|same members",
        "\"name\"|/entities/1/unique|must be"
      })
  void aGroupThatDoesNotFitItsEntityIsRefusedAtItsPointer(
      String unique, String pointer, String reason) {
    String json =
        "{\"name\": \"d\", \"stack\": \"flask\", \"database\": \"sqlite\", \"entities\": ["
            + "{\"name\": \"Owner\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"}]},"
            + "{\"name\": \"Pet\", \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
            + " {\"name\": \"notes\", \"type\": \"text\"}],"
            + " \"relations\": [{\"name\": \"owner\", \"kind\": \"many-to-one\", \"target\":"
            + " \"Owner\"}, {\"name\": \"tags\", \"kind\": \"many-to-many\", \"target\": \"Owner\"}],"
            + " \"unique\": "
            + unique
            + "}]}";

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo(pointer);
              assertThat(error.message()).contains(reason);
            });
  }

  @Test
  void onMySqlTheStringsOfAGroupMustFitOneIndex() {
    String json =
        new String(read("unique-groups.json"), StandardCharsets.UTF_8)
            .replace("\"database\": \"sqlite\"", "\"database\": \"mysql\"")
            .replace("\"maxLength\": 60", "\"maxLength\": 700")
            .replace(
                "{ \"name\": \"born\", \"type\": \"date\" }",
                "{ \"name\": \"born\", \"type\": \"date\" },"
                    + " { \"name\": \"nick\", \"type\": \"string\", \"maxLength\": 100 }")
            .replace("[ [\"name\", \"owner\"] ]", "[ [\"name\", \"nick\", \"owner\"] ]");

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/unique/0");
              assertThat(error.message()).contains("800 here");
            });
  }

  private static byte[] read(String name) {
    try (InputStream in = UniqueGroupsTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
