package io.backforge.api.catalog;

import io.backforge.templates.pack.ModelFeature;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.DeleteRule;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.Limits;
import io.backforge.templates.spec.RelationKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a spec may contain: drives the wizard and clients, like Initializr's metadata. */
@ConditionalOnWebApplication
@RestController
class CatalogController {

  private static final Catalog CATALOG =
      new Catalog(
          StackPacks.all().stream()
              .map(pack -> new Option(pack.stack().json(), pack.title(), pack.libraries()))
              .toList(),
          List.of(
              database(Database.POSTGRESQL, "PostgreSQL"),
              database(Database.SQLITE, "SQLite"),
              database(Database.MYSQL, "MySQL")),
          Arrays.stream(FieldType.values()).map(FieldType::json).toList(),
          RelationKind.jsonKinds(),
          Arrays.stream(DeleteRule.values()).map(DeleteRule::json).toList(),
          StackPacks.all().stream()
              .collect(
                  Collectors.toMap(
                      pack -> pack.stack().json(),
                      pack ->
                          Arrays.stream(ModelFeature.values())
                              .filter(pack.modelFeatures()::contains)
                              .map(
                                  feature ->
                                      feature.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                              .toList(),
                      (a, b) -> a,
                      LinkedHashMap::new)),
          List.of(
              new Feature(
                  "auth",
                  "Authentication of the generated API",
                  Arrays.stream(Auth.values()).map(Auth::json).toList(),
                  Auth.NONE.json()),
              new Feature("pagination", "Paged list endpoints", List.of(true, false), true),
              new Feature(
                  "openapi",
                  "OpenAPI document built from the spec ("
                      + StackPacks.all().stream()
                          .map(pack -> pack.title() + ": " + pack.openApiPath())
                          .collect(Collectors.joining(", "))
                      + ")",
                  List.of(true, false),
                  true),
              new Feature(
                  "docker", "Dockerfile and docker-compose.yml", List.of(true, false), false),
              new Feature("tests", "The project's own test suite", List.of(true, false), true)),
          List.of(
              new Feature(
                  "verify",
                  "Prove the generated project in a sandbox: "
                      + StackPacks.all().stream()
                          .map(pack -> pack.title() + ": " + pack.verification())
                          .collect(Collectors.joining("; "))
                      + ". Unset: verified where a worker has the stack's toolchain",
                  List.of(true, false),
                  null)),
          limits());

  /** Stacks, databases, field types, relation kinds, features and limits. */
  @GetMapping("/api/catalog")
  Catalog catalog() {
    return CATALOG;
  }

  /** A database option, described by how each stack's projects reach it. */
  private static Option database(Database database, String title) {
    return new Option(
        database.json(),
        title,
        StackPacks.all().stream()
            .map(pack -> pack.title() + ": " + pack.driver(database))
            .collect(Collectors.joining("; ")));
  }

  private static Map<String, Integer> limits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    limits.put("specBytes", Limits.MAX_SPEC_BYTES);
    limits.put("entities", Limits.MAX_ENTITIES);
    limits.put("fieldsPerEntity", Limits.MAX_FIELDS_PER_ENTITY);
    limits.put("relationsPerEntity", Limits.MAX_RELATIONS_PER_ENTITY);
    limits.put("nameLength", Limits.MAX_NAME_LENGTH);
    limits.put("descriptionLength", Limits.MAX_DESCRIPTION_LENGTH);
    limits.put("patternLength", Limits.MAX_PATTERN_LENGTH);
    limits.put("enumValues", Limits.MAX_ENUM_VALUES);
    limits.put("enumValueLength", Limits.MAX_ENUM_VALUE_LENGTH);
    limits.put("stringLength", Limits.MAX_STRING_LENGTH);
    limits.put("instructionsLength", Limits.MAX_INSTRUCTIONS_LENGTH);
    return limits;
  }

  /** The catalog. */
  record Catalog(
      List<Option> stacks,
      List<Option> databases,
      List<String> fieldTypes,
      List<String> relationKinds,
      List<String> deleteRules,
      Map<String, List<String>> modelFeatures,
      List<Feature> features,
      List<Feature> options,
      Map<String, Integer> limits) {}

  /** A choice with a label. */
  record Option(String id, String name, String description) {}

  /** A feature switch with its allowed values and default. */
  record Feature(String id, String description, List<?> values, Object defaultValue) {}
}
