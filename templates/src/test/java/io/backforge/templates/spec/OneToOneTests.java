package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code "kind": "one-to-one"}: read as a unique many-to-one, and written back as it was. */
class OneToOneTests {

  private final SpecValidator validator = new SpecValidator();

  @Test
  void aOneToOneIsAUniqueManyToOneWithItsOwnRules() {
    EntitySpec pet = validator.validate(read("one-to-one.json")).spec().entities().get(2);

    RelationSpec owner = pet.relations().get(0);
    RelationSpec passport = pet.relations().get(1);
    RelationSpec chip = pet.relations().get(2);
    assertThat(owner.unique()).isFalse();
    assertThat(owner.kindJson()).isEqualTo("many-to-one");
    assertThat(passport.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
    assertThat(passport.unique()).isTrue();
    assertThat(passport.kindJson()).isEqualTo("one-to-one");
    assertThat(passport.onDelete()).isEqualTo(DeleteRule.SET_NULL);
    assertThat(chip.required()).isTrue();
    assertThat(chip.onDelete()).isEqualTo(DeleteRule.CASCADE);
  }

  @Test
  void theSpecWrittenBackSaysOneToOne() {
    String written = SpecJson.write(validator.validate(read("one-to-one.json")).spec());

    assertThat(written).contains("\"kind\": \"one-to-one\"").contains("\"kind\": \"many-to-one\"");
    assertThat(SpecJson.write(validator.validate(written.getBytes(StandardCharsets.UTF_8)).spec()))
        .isEqualTo(written);
  }

  @Test
  void anUnknownKindListsOneToOneAmongTheKinds() {
    String json =
        "{\"name\": \"d\", \"stack\": \"flask\", \"database\": \"sqlite\", \"entities\": ["
            + "{\"name\": \"A\", \"fields\": [{\"name\": \"x\", \"type\": \"string\"}],"
            + " \"relations\": [{\"name\": \"b\", \"kind\": \"one-on-one\", \"target\": \"A\"}]}]}";

    ValidationResult result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/relations/0/kind");
              assertThat(error.message())
                  .contains("many-to-one, one-to-one, one-to-many, many-to-many");
            });
  }

  private static byte[] read(String name) {
    try (InputStream in = OneToOneTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
