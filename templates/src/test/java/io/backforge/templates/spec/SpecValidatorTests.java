package io.backforge.templates.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.flask.FlaskPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SpecValidator validator = new SpecValidator();

  static byte[] sample(String name) {
    try (InputStream in = SpecValidatorTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ValidationResult libraryWith(Consumer<ObjectNode> change) {
    try {
      ObjectNode spec = (ObjectNode) MAPPER.readTree(sample("library.json"));
      change.accept(spec);
      return validator.validate(MAPPER.writeValueAsBytes(spec));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode node(ObjectNode spec, String pointer) {
    return (ObjectNode) spec.at(pointer);
  }

  private static ArrayNode array(ObjectNode spec, String pointer) {
    return (ArrayNode) spec.at(pointer);
  }

  private ValidationResult validate(String json) {
    return validator.validate(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"library.json", "blog.json", "shop.json"})
  void sampleSpecsAreValid(String name) {
    ValidationResult result = validator.validate(sample(name));

    assertThat(result.errors()).isEmpty();
    assertThat(result.valid()).isTrue();
    assertThat(result.spec()).isNotNull();
  }

  @Test
  void validSpecBecomesTypedDescription() {
    ProjectSpec spec = validator.validate(sample("library.json")).spec();

    assertThat(spec.name().kebab()).isEqualTo("library-service");
    assertThat(spec.stack()).isEqualTo(FlaskPack.STACK);
    assertThat(spec.database()).isEqualTo(Database.POSTGRESQL);
    assertThat(spec.features().auth()).isEqualTo(Auth.JWT);
    EntitySpec book = spec.entity("Book").orElseThrow();
    assertThat(book.fields())
        .extracting(f -> f.name().value())
        .containsExactly("title", "isbn", "price", "published");
    assertThat(book.relations())
        .containsExactly(
            new RelationSpec(
                Identifier.of("author"), RelationKind.MANY_TO_ONE, Identifier.of("Author"), true));
  }

  @Test
  void parsedDocumentCanBeValidatedDirectly() throws IOException {
    assertThat(validator.validate(MAPPER.readTree(sample("blog.json"))).valid()).isTrue();
    assertThat(validator.validate((JsonNode) null).errors())
        .extracting(SpecError::pointer)
        .containsExactly("");
  }

  @Test
  void missingFeaturesAndAiGetDefaults() {
    ValidationResult result =
        libraryWith(
            spec -> {
              spec.remove("features");
              spec.remove("ai");
            });

    assertThat(result.spec().features()).isEqualTo(Features.defaults());
    assertThat(result.spec().ai()).isEqualTo(AiOptions.none());
  }

  @Test
  void badEntityNameIsReportedAtItsNameWithASuggestion() {
    ValidationResult result = libraryWith(spec -> node(spec, "/entities/1").put("name", "book"));

    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/name");
              assertThat(error.message()).contains("PascalCase").contains("'Book'");
            });
  }

  @Test
  void duplicateFieldIsReportedAtTheSecondOne() {
    ValidationResult result =
        libraryWith(
            spec ->
                array(spec, "/entities/1/fields")
                    .addObject()
                    .put("name", "Title".toLowerCase())
                    .put("type", "text"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/4/name");
              assertThat(error.message()).contains("clashes with the field 'title'");
            });
  }

  @Test
  void fieldNamesDifferingOnlyInCaseClash() {
    ValidationResult result =
        libraryWith(
            spec ->
                array(spec, "/entities/0/fields")
                    .addObject()
                    .put("name", "nAme")
                    .put("type", "string"));

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/0/fields/2/name");
  }

  @Test
  void unknownTypeListsTheKnownTypes() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/2").put("type", "money"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/2/type");
              assertThat(error.message())
                  .contains("unknown type 'money'")
                  .contains("string, text, integer, long, decimal");
            });
  }

  @Test
  void relationToMissingEntityIsReportedAtItsTarget() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/relations/0").put("target", "Writer"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/relations/0/target");
              assertThat(error.message())
                  .contains("unknown entity 'Writer'")
                  .contains("known entities: Author, Book");
            });
  }

  @Test
  void minGreaterThanMaxIsReportedAtMin() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/2").put("min", 10).put("max", 5));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/2/min");
              assertThat(error.message()).contains("min (10) must not be greater than max (5)");
            });
  }

  @Test
  void minLengthGreaterThanMaxLengthIsReportedAtMinLength() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/0/fields/0").put("minLength", 200));

    assertThat(result.errors())
        .extracting(SpecError::pointer, SpecError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/entities/0/fields/0/minLength",
                "minLength (200) must not be greater than maxLength (120); swap them or fix one"));
  }

  @Test
  void unknownStackListsTheKnownStacks() {
    ValidationResult result = libraryWith(spec -> spec.put("stack", "django"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/stack");
              assertThat(error.message()).contains("unknown stack 'django'").contains("flask");
            });
  }

  @Test
  void malformedJsonIsReportedForTheWholeDocumentWithItsLocation() {
    ValidationResult result = validate("{\n  \"name\": \"x\",\n  \"stack\" \"flask\"\n}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEmpty();
              assertThat(error.message()).contains("not well-formed JSON").contains("line 3");
            });
  }

  @Test
  void duplicatePropertyIsMalformed() {
    ValidationResult result = validate("{\"name\": \"a\", \"name\": \"b\"}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("Duplicate field 'name'"));
  }

  @Test
  void trailingContentIsMalformed() {
    assertThat(validate("{} {}").errors())
        .singleElement()
        .extracting(SpecError::pointer)
        .isEqualTo("");
  }

  @Test
  void emptyDocumentIsReported() {
    assertThat(validator.validate(new byte[0]).errors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("empty"));
    assertThat(validate("   ").valid()).isFalse();
    assertThat(validate("null").errors()).extracting(SpecError::pointer).containsExactly("");
  }

  @Test
  void documentThatIsNoObjectIsReportedAtTheRoot() {
    assertThat(validate("[1, 2]").errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEmpty();
              assertThat(error.message()).contains("must be a JSON object");
            });
  }

  @Test
  void wrongJsonTypeIsReportedAtTheValue() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/0/fields/0").put("required", "yes"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/0/required");
              assertThat(error.message()).isEqualTo("must be true or false, not a string");
            });
  }

  @Test
  void entitiesThatAreNoArrayAreReported() {
    ValidationResult result = libraryWith(spec -> spec.put("entities", "Book"));

    assertThat(result.errors()).extracting(SpecError::pointer).containsExactly("/entities");
  }

  @Test
  void unknownPropertyIsReportedWithTheKnownOnes() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/0").put("requird", true));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/0/requird");
              assertThat(error.message())
                  .contains("unknown property 'requird'")
                  .contains("did you mean 'required'?")
                  .contains("known properties: name, type, description, required");
            });
  }

  @Test
  void pointerTokensAreEscaped() {
    ValidationResult result = libraryWith(spec -> spec.put("a/b~c", 1));

    assertThat(result.errors()).extracting(SpecError::pointer).containsExactly("/a~1b~0c");
  }

  @Test
  void missingRequiredPropertyIsReportedWhereItBelongs() {
    ValidationResult result = libraryWith(spec -> spec.remove("database"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/database");
              assertThat(error.message())
                  .contains("'database' is required")
                  .contains("postgresql, sqlite, mysql");
            });
  }

  @Test
  void tooLargeDocumentIsRejectedBeforeParsing() {
    byte[] huge = new byte[Limits.MAX_SPEC_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '[');

    ValidationResult result = validator.validate(huge);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEmpty();
              assertThat(error.message()).contains("at most " + Limits.MAX_SPEC_BYTES + " bytes");
            });
  }

  @Test
  void deeplyNestedDocumentIsRejectedCheaply() {
    String nested = "[".repeat(5000) + "]".repeat(5000);

    ValidationResult result = validate("{\"name\": " + nested + "}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("levels deep"));
  }

  @Test
  void tooManyEntitiesIsOneProblemAtEntities() {
    ValidationResult result =
        libraryWith(
            spec -> {
              ArrayNode entities = array(spec, "/entities");
              for (int i = 0; i < Limits.MAX_ENTITIES; i++) {
                entities.addObject().put("name", "bad name");
              }
            });

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities");
              assertThat(error.message())
                  .contains("has 102 entities", "1 to " + Limits.MAX_ENTITIES);
            });
  }

  @Test
  void tooManyFieldsIsOneProblemAtFields() {
    ValidationResult result =
        libraryWith(
            spec -> {
              ArrayNode fields = array(spec, "/entities/0/fields");
              for (int i = 0; i < Limits.MAX_FIELDS_PER_ENTITY; i++) {
                fields.addObject().put("name", "field" + i).put("type", "nope");
              }
            });

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/0/fields");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flask", "spring-boot"})
  void namesThatPythonJavaOrSqlReserveAreAcceptedInEveryStack(String stack) {
    ValidationResult result =
        validate(
            """
            {"name": "default", "stack": "%s", "database": "postgresql",
             "entities": [
               {"name": "Order", "fields": [
                  {"name": "from", "type": "string"}, {"name": "class", "type": "integer"},
                  {"name": "group", "type": "string"}, {"name": "metadata", "type": "text"},
                  {"name": "hashCode", "type": "long"}, {"name": "select", "type": "boolean"}],
                "relations": [{"name": "to", "kind": "many-to-one", "target": "Value"},
                              {"name": "return", "kind": "many-to-many", "target": "Value"}]},
               {"name": "Value", "fields": [{"name": "key", "type": "string"}]},
               {"name": "None", "fields": []},
               {"name": "Return", "fields": []}]}
            """
                .formatted(stack));

    assertThat(result.errors()).isEmpty();
    assertThat(result.spec().entities().get(0).fields())
        .extracting(f -> f.name().value())
        .containsExactly("from", "class", "group", "metadata", "hashCode", "select");
  }

  @Test
  void timestampColumnsEveryTableHasAreRejectedWithWhatToChange() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/0/fields/1").put("name", "createdAt"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/1/name");
              assertThat(error.message())
                  .isEqualTo(
                      "every generated table already has the timestamp 'createdAt'; choose"
                          + " another name, such as 'createdAtValue'");
            });
  }

  @Test
  void entityWhoseTableTheGeneratedCodeCreatesIsRejected() {
    ValidationResult result =
        validate(
            """
            {"name": "shop", "stack": "spring-boot", "database": "sqlite",
             "entities": [{"name": "AuthAccount", "fields": []}]}
            """);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/name");
              assertThat(error.message()).contains("'auth_accounts'");
            });
  }

  @Test
  void generatedNameIdIsRejected() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/0/fields/1").put("name", "id"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/1/name");
              assertThat(error.message()).contains("primary key 'id'");
            });
  }

  @Test
  void entityNamedLikeAClassTheGeneratedCodeUsesIsAccepted() {
    ValidationResult result = libraryWith(spec -> node(spec, "/entities/0").put("name", "Session"));

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/1/relations/0/target");
  }

  @Test
  void constraintOnWrongTypeIsReportedAtTheConstraint() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/0/fields/1").put("maxLength", 10));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/1/maxLength");
              assertThat(error.message())
                  .contains("applies only to string, text fields, not to date");
            });
  }

  @Test
  void uniqueBooleanIsRejected() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/3").put("unique", true));

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/1/fields/3/unique");
  }

  @Test
  void integerBoundsMustBeWholeAndFit() {
    ValidationResult result =
        libraryWith(
            spec -> {
              ArrayNode fields = array(spec, "/entities/0/fields");
              fields.addObject().put("name", "a").put("type", "integer").put("min", 1.5);
              fields.addObject().put("name", "b").put("type", "integer").put("max", 3_000_000_000L);
              fields.addObject().put("name", "c").put("type", "long").put("max", 3_000_000_000L);
            });

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/0/fields/2/min", "/entities/0/fields/3/max");
  }

  @Test
  void patternThatDoesNotCompileIsRejected() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/1").put("pattern", "^[0-9"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/1/pattern");
              assertThat(error.message()).contains("not a valid regular expression");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"a$b", "x$y{2}", "^[0-9]+$#"})
  void patternThatMatchesNothingIsRejected(String pattern) {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/1").put("pattern", pattern));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/1/pattern");
              assertThat(error.message()).contains("matches no string");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\p{Alpha}+",
        "\\Qa.b\\E",
        "abc\\z",
        "\\Aabc",
        "a\\Gb",
        "\\h",
        "a\\R",
        "a*+",
        "a++",
        "a?+",
        "a{2}+",
        "(?>ab)",
        "(?<year>[0-9]{4})",
        "(?i)abc",
        "[a-z&&[^aeiou]]",
        "\\e"
      })
  void patternWithJavaOnlySyntaxIsRejected(String pattern) {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/1").put("pattern", pattern));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/1/pattern");
              assertThat(error.message()).contains("Java and Python's re share");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^[^@\\s]+@[^@\\s]+$",
        "(?<=a)b",
        "(?<!a)b",
        "(?:ab)+?",
        "[a-z]{2,5}",
        "\\d+\\.\\d{2}",
        "[+*?]+",
        "\\u00e9\\x41",
        "(a)\\1"
      })
  void patternWithSharedSyntaxIsAccepted(String pattern) {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/1").put("pattern", pattern));

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void enumWithoutValuesIsReported() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/fields/2").put("type", "enum").remove("min"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/fields/2/values");
              assertThat(error.message()).contains("'values' is required");
            });
  }

  @Test
  void enumValuesMustBeDistinctStrings() {
    ValidationResult result =
        libraryWith(
            spec -> {
              ObjectNode field = node(spec, "/entities/1/fields/2");
              field.put("type", "enum").remove("min");
              field.putArray("values").add("A").add(1).add("A").add("").add("x\ny");
            });

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly(
            "/entities/1/fields/2/values/1",
            "/entities/1/fields/2/values/2",
            "/entities/1/fields/2/values/3",
            "/entities/1/fields/2/values/4");
  }

  @Test
  void oneToManyWithoutInverseIsReportedAtTheRelation() {
    ValidationResult result =
        libraryWith(
            spec ->
                node(spec, "/entities/0")
                    .putArray("relations")
                    .addObject()
                    .put("name", "prizes")
                    .put("kind", "one-to-many")
                    .put("target", "Book")
                    .put("mappedBy", (String) null));

    assertThat(result.valid()).isTrue();

    ValidationResult missing =
        libraryWith(
            spec -> {
              node(spec, "/entities/1").remove("relations");
              node(spec, "/entities/0")
                  .putArray("relations")
                  .addObject()
                  .put("name", "books")
                  .put("kind", "one-to-many")
                  .put("target", "Book");
            });

    assertThat(missing.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/relations/0");
              assertThat(error.message())
                  .contains("needs a many-to-one relation on 'Book' that targets 'Author'");
            });
  }

  @Test
  void oneToManyResolvesItsInverse() {
    ValidationResult result =
        libraryWith(
            spec ->
                node(spec, "/entities/0")
                    .putArray("relations")
                    .addObject()
                    .put("name", "books")
                    .put("kind", "one-to-many")
                    .put("target", "Book"));

    assertThat(result.spec().entity("Author").orElseThrow().relations())
        .singleElement()
        .extracting(RelationSpec::mappedBy)
        .isEqualTo(Identifier.of("author"));
  }

  @Test
  void oneToManyWithSeveralCandidatesNeedsMappedBy() {
    ValidationResult result =
        libraryWith(
            spec -> {
              array(spec, "/entities/1/relations")
                  .addObject()
                  .put("name", "editor")
                  .put("kind", "many-to-one")
                  .put("target", "Author");
              ArrayNode relations = node(spec, "/entities/0").putArray("relations");
              relations
                  .addObject()
                  .put("name", "books")
                  .put("kind", "one-to-many")
                  .put("target", "Book");
              relations
                  .addObject()
                  .put("name", "edited")
                  .put("kind", "one-to-many")
                  .put("target", "Book")
                  .put("mappedBy", "editr");
            });

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/0/relations/0", "/entities/0/relations/1/mappedBy");
    assertThat(result.errors().get(0).message()).contains("author, editor");
  }

  @Test
  void relationClashingWithFieldOrItsForeignKeyIsRejected() {
    ValidationResult result =
        libraryWith(
            spec -> {
              array(spec, "/entities/1/fields")
                  .addObject()
                  .put("name", "authorId")
                  .put("type", "integer");
              array(spec, "/entities/1/relations")
                  .addObject()
                  .put("name", "title")
                  .put("kind", "many-to-one")
                  .put("target", "Author");
            });

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/1/relations/0/name", "/entities/1/relations/1/name");
  }

  @Test
  void requiredOnlyAppliesToManyToOne() {
    ValidationResult result =
        libraryWith(spec -> node(spec, "/entities/1/relations/0").put("kind", "many-to-many"));

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/1/relations/0/required");
  }

  @Test
  void entityNamesDifferingOnlyInCaseClash() {
    ValidationResult result =
        libraryWith(
            spec -> array(spec, "/entities").addObject().put("name", "AUTHOR").putArray("fields"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/2/name");
              assertThat(error.message()).contains("clashes with the entity 'Author'");
            });
  }

  @Test
  void associationTableClashingWithEntityTableIsRejected() {
    ValidationResult result =
        libraryWith(
            spec -> {
              array(spec, "/entities/1/relations")
                  .addObject()
                  .put("name", "tags")
                  .put("kind", "many-to-many")
                  .put("target", "Author");
              array(spec, "/entities").addObject().put("name", "BookTag").putArray("fields");
            });

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/2/name");
              assertThat(error.message()).contains("table 'book_tags'");
            });
  }

  @Test
  void severalProblemsAreReportedInDocumentOrder() {
    ValidationResult result =
        validate(
            """
            {
              "name": "My Service",
              "stack": "django",
              "database": "postgresql",
              "entities": [
                { "name": "Author",
                  "relations": [ { "name": "books", "kind": "one-to-many", "target": "Boook" } ],
                  "fields": [ { "name": "class-name", "type": "string", "min": 1 } ] },
                { "name": "Book", "fields": [ { "name": "title", "type": "money" } ] }
              ],
              "features": { "auth": "oauth", "docker": "yes" }
            }
            """);

    assertThat(result.errors())
        .extracting(SpecError::pointer)
        .containsExactly(
            "/name",
            "/stack",
            "/entities/0/relations/0/target",
            "/entities/0/fields/0/name",
            "/entities/0/fields/0/min",
            "/entities/1/fields/0/type",
            "/features/auth",
            "/features/docker");
  }

  @Test
  void overlongNumberIsRejectedByTheParser() {
    ValidationResult result = validate("{\"name\": 1" + "0".repeat(100) + "}");

    assertThat(result.errors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("number longer than"));
  }

  @Test
  void replacedValuesNeverThrowAndValidResultsRoundTrip() throws IOException {
    JsonNode[] replacements = {
      NullNode.instance,
      MAPPER.readTree("0"),
      MAPPER.readTree("-1.5"),
      MAPPER.readTree("1e400"),
      MAPPER.readTree("\"\""),
      MAPPER.readTree("\"Book\""),
      MAPPER.readTree("\"string\""),
      MAPPER.readTree("true"),
      MAPPER.readTree("[]"),
      MAPPER.readTree("{}"),
      MAPPER.readTree("[null]"),
      MAPPER.readTree("{\"name\": null}"),
      MAPPER.readTree("\"" + "x".repeat(3000) + "\"")
    };
    Random random = new Random(7);
    for (String sample : List.of("library.json", "blog.json", "shop.json")) {
      JsonNode original = MAPPER.readTree(sample(sample));
      for (int i = 0; i < 400; i++) {
        JsonNode mutated = original.deepCopy();
        replaceRandomValue(mutated, replacements[random.nextInt(replacements.length)], random);

        ValidationResult result = validator.validate(mutated);

        assertThat(result.valid()).isEqualTo(result.spec() != null);
        if (result.valid()) {
          byte[] written = SpecJson.write(result.spec()).getBytes(StandardCharsets.UTF_8);
          assertThat(validator.validate(written).spec()).isEqualTo(result.spec());
        }
      }
    }
  }

  private static void replaceRandomValue(JsonNode root, JsonNode replacement, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode parent = containers.get(random.nextInt(containers.size()));
    if (parent instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
      if (random.nextInt(5) == 0) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    } else if (parent instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextInt(5) == 0) {
        array.add(replacement);
      } else {
        array.set(random.nextInt(array.size()), replacement);
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collectContainers(child, containers));
    }
  }

  @Test
  void arbitraryCorruptionNeverThrows() {
    byte[] original = sample("shop.json");
    String noise = "{}[]\",:0aA-_ \\nt";
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] mutated = original.clone();
      for (int j = 0; j < 1 + random.nextInt(4); j++) {
        mutated[random.nextInt(mutated.length)] =
            (byte) noise.charAt(random.nextInt(noise.length()));
      }
      ValidationResult result = validator.validate(mutated);
      assertThat(result.valid()).isEqualTo(result.spec() != null);
    }
  }

  @Test
  void fieldNamedLikeTheIdKeyOfAManyToOneIsRejectedAsAColumnClashAtTheRelation() {
    ValidationResult result =
        libraryWith(
            spec ->
                array(spec, "/entities/1/fields")
                    .addObject()
                    .put("name", "authorId")
                    .put("type", "integer"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/1/relations/0/name");
              assertThat(error.message()).contains("author");
            });
  }

  @Test
  void fieldNamedLikeTheIdsKeyOfAManyToManyIsRejected() {
    ValidationResult result =
        libraryWith(
            spec -> {
              spec.withArray("/entities/0/relations")
                  .addObject()
                  .put("name", "friends")
                  .put("kind", "many-to-many")
                  .put("target", "Author");
              array(spec, "/entities/0/fields")
                  .addObject()
                  .put("name", "friendsIds")
                  .put("type", "string");
            });

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/2/name");
              assertThat(error.message()).contains("many-to-many relation 'friends'");
            });
  }

  @Test
  void cycleOfRequiredManyToOneRelationsIsRejectedOnceWithItsPath() {
    ValidationResult result =
        libraryWith(
            spec ->
                spec.withArray("/entities/0/relations")
                    .addObject()
                    .put("name", "favourite")
                    .put("kind", "many-to-one")
                    .put("target", "Book")
                    .put("required", true));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/relations/0/required");
              assertThat(error.message())
                  .contains("Author -> Book -> Author")
                  .contains("make one of them optional");
            });
  }

  @Test
  void anOptionalReferenceBreaksACycleOfReferences() {
    ValidationResult result =
        libraryWith(
            spec ->
                spec.withArray("/entities/0/relations")
                    .addObject()
                    .put("name", "favourite")
                    .put("kind", "many-to-one")
                    .put("target", "Book"));

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void uniqueTextIsRejectedAtItsUniqueFlagOnMysqlAsEverywhere() {
    ValidationResult result =
        libraryWith(
            spec -> {
              spec.put("database", "mysql");
              array(spec, "/entities/0/fields")
                  .addObject()
                  .put("name", "biography")
                  .put("type", "text")
                  .put("unique", true);
            });

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/entities/0/fields/2/unique");
              assertThat(error.message()).contains("cannot be unique");
            });
  }

  @Test
  void uniqueStringLongerThanAMysqlIndexIsRejectedOnMysqlOnly() {
    ValidationResult mysql =
        libraryWith(
            spec -> {
              spec.put("database", "mysql");
              array(spec, "/entities/0/fields")
                  .addObject()
                  .put("name", "code")
                  .put("type", "string")
                  .put("maxLength", 1000)
                  .put("unique", true);
            });
    ValidationResult postgresql =
        libraryWith(
            spec ->
                array(spec, "/entities/0/fields")
                    .addObject()
                    .put("name", "code")
                    .put("type", "string")
                    .put("maxLength", 1000)
                    .put("unique", true));

    assertThat(mysql.errors())
        .extracting(SpecError::pointer)
        .containsExactly("/entities/0/fields/2/unique");
    assertThat(postgresql.errors()).isEmpty();
  }

  @Test
  void verifyIsOptionalBooleanAndRoundTripsThroughSpecJson() {
    ValidationResult off = libraryWith(spec -> spec.put("verify", false));
    ValidationResult absent = libraryWith(spec -> spec.remove("verify"));
    ValidationResult wrong = libraryWith(spec -> spec.put("verify", "yes"));

    assertThat(off.spec().verify()).isFalse();
    assertThat(
            validator
                .validate(SpecJson.write(off.spec()).getBytes(StandardCharsets.UTF_8))
                .spec()
                .verify())
        .isFalse();
    assertThat(absent.spec().verify()).isNull();
    assertThat(wrong.errors()).extracting(SpecError::pointer).containsExactly("/verify");
  }
}
