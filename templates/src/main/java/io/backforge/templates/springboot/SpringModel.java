package io.backforge.templates.springboot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.DeleteRule;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.Identifier;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import io.backforge.templates.spec.UniqueGroup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Mustache model of a generated Spring Boot project. Every decision lives here: Java names,
 * types, Bean Validation annotations, JPA mappings, the list query columns and the test cases; the
 * templates under {@code stacks/spring-boot} only place the values.
 */
final class SpringModel {

  /** Valid value sets per entity the generated tests cycle through. */
  static final int BODIES = 4;

  /** Rows of one entity the multi-row tests create in one test. */
  private static final int ROOMY = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code org.webjars:swagger-ui} version the Swagger UI page loads. */
  static final String SWAGGER_UI_VERSION = "5.32.2";

  private final ProjectSpec spec;
  private final Relations relations;
  private final Map<Identifier, String> classes;
  private final Map<Identifier, String> stems;
  private final Map<Identifier, Integer> capacities = new HashMap<>();

  SpringModel(ProjectSpec spec) {
    this.spec = spec;
    this.relations = new Relations(spec);
    this.classes = JavaNames.entityClasses(spec);
    this.stems = JavaNames.stems(spec);
  }

  boolean jwt() {
    return spec.features().auth() == Auth.JWT;
  }

  /** The Java package of the generated code, such as {@code com.example.library_service}. */
  String basePackage() {
    return "com.example." + JavaNames.packageSegment(spec.name());
  }

  /** The databases whose migrations the project ships: its own one and H2 for the tests. */
  List<SqlDialect> dialects() {
    return switch (spec.database()) {
      case POSTGRESQL -> List.of(SqlDialect.POSTGRESQL, SqlDialect.H2);
      case MYSQL -> List.of(SqlDialect.MYSQL, SqlDialect.H2);
      case SQLITE -> List.of(SqlDialect.H2);
    };
  }

  String migration(SqlDialect dialect) {
    return new Migration(spec, dialect, jwt()).text();
  }

  Map<String, Object> project() {
    Map<String, Object> m = new LinkedHashMap<>();
    String name = spec.name().kebab();
    m.put("artifactId", name);
    m.put("projectName", name);
    m.put(
        "description",
        spec.description() == null
            ? ""
            : io.backforge.templates.generate.MarkdownText.inline(spec.description()));
    m.put("xmlDescription", xml(spec.description() == null ? name : spec.description()));
    m.put("package", basePackage());
    m.put("jwt", jwt());
    m.put("openapi", spec.features().openapi());
    m.put("docker", spec.features().docker());
    m.put("tests", spec.features().tests());
    m.put("paginated", spec.features().pagination());
    m.put("postgresql", spec.database() == Database.POSTGRESQL);
    m.put("mysql", spec.database() == Database.MYSQL);
    m.put("h2file", spec.database() == Database.SQLITE);
    m.put("serverDatabase", spec.database() != Database.SQLITE);
    m.put("databaseName", spec.name().snake());
    m.put("migrationFolder", dialects().get(0).folder());
    m.put("dbUrl", defaultUrl());
    m.put("entities", entities());
    m.put("tables", tables());
    List<Map<String, Object>> groups = uniqueGroups();
    m.put("uniqueGroups", groups);
    m.put("hasUniqueGroups", !groups.isEmpty());
    m.put("healthPath", SpringBootGenerator.API.healthPath());
    m.put("swaggerUiVersion", SWAGGER_UI_VERSION);
    m.put("firstPath", "/api/" + spec.entities().get(0).name().kebabPlural());
    m.put("hostile", hostile());
    m.put("relationLists", relationLists());
    m.put("hasRelationLists", !relationLists().isEmpty());
    return m;
  }

  /** The list endpoints of relations: one per one-to-many and many-to-many relation. */
  private List<Map<String, Object>> relationLists() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      for (RelationSpec relation : entity.relations()) {
        if (relation.kind() != RelationKind.MANY_TO_ONE) {
          out.add(
              Map.of(
                  "path",
                  "/api/" + entity.name().kebabPlural() + "/{id}/" + relation.name().kebab(),
                  "targetName",
                  relation.target().value(),
                  "kind",
                  relation.kindJson()));
        }
      }
    }
    return out;
  }

  /**
   * What {@code HostileInputTests} sends: the first entity's endpoints for what every entity
   * answers alike, and per kind of field the first entity that has one with sample values.
   */
  private Map<String, Object> hostile() {
    Map<String, Object> m = new LinkedHashMap<>(endpoints(spec.entities().get(0)));
    m.put("text", firstField(f -> f.type() == FieldType.STRING || f.type() == FieldType.TEXT));
    m.put("datetime", firstField(f -> f.type() == FieldType.DATETIME));
    m.put("whole", firstField(f -> f.type() == FieldType.INTEGER || f.type() == FieldType.LONG));
    m.put("decimal", firstField(f -> f.type() == FieldType.DECIMAL));
    return m;
  }

  /**
   * The first field {@code kind} accepts that the fixtures' bodies carry and the list filters by,
   * with its entity's endpoints (none or one, for a Mustache section); a text field with a pattern
   * only when no other one exists, as a pattern would refuse the changed value by itself.
   */
  private List<Map<String, Object>> firstField(java.util.function.Predicate<FieldSpec> kind) {
    for (boolean patterned : List.of(false, true)) {
      for (EntitySpec entity : spec.entities()) {
        for (FieldSpec field : entity.fields()) {
          String key = field.name().value();
          if (kind.test(field)
              && (field.pattern() != null) == patterned
              && !samples(entity, field).isEmpty()
              && !List.of("page", "size", "sort").contains(key)) {
            Map<String, Object> m = new LinkedHashMap<>(endpoints(entity));
            m.put("key", key);
            m.put("plain", !patterned);
            return List.of(m);
          }
        }
      }
    }
    return List.of();
  }

  private static Map<String, Object> endpoints(EntitySpec entity) {
    String pascal = entity.name().pascal();
    return Map.of(
        "path", "/api/" + entity.name().kebabPlural(),
        "body", "body" + pascal,
        "create", "create" + pascal);
  }

  private String defaultUrl() {
    String db = spec.name().snake();
    return switch (spec.database()) {
      case POSTGRESQL -> "jdbc:postgresql://localhost:5432/" + db;
      // MySQL accounts match the client's address: the README creates the user at 127.0.0.1.
      case MYSQL -> "jdbc:mysql://127.0.0.1:3306/" + db;
      case SQLITE -> "jdbc:h2:file:./data/" + db;
    };
  }

  /** Every entity's unique groups, longest constraint name first, with their JSON keys. */
  private List<Map<String, Object>> uniqueGroups() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      for (UniqueGroup group : entity.unique()) {
        String constraint = Relations.uniqueGroupName(entity.name().snakePlural(), entity, group);
        out.add(
            Map.of(
                "constraint",
                constraint,
                "keys",
                Relations.uniqueKeys(entity, group).stream()
                    .map(JavaLiterals::string)
                    .collect(java.util.stream.Collectors.joining(", "))));
      }
    }
    out.sort(
        java.util.Comparator.comparing(
            (Map<String, Object> g) -> -((String) g.get("constraint")).length()));
    return out;
  }

  private List<Map<String, Object>> tables() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      out.add(Map.of("table", entity.name().snakePlural()));
      for (RelationSpec relation : entity.relations()) {
        if (relation.kind() == RelationKind.MANY_TO_MANY) {
          out.add(Map.of("table", Relations.associationTable(entity, relation)));
        }
      }
    }
    if (jwt()) {
      out.add(Map.of("table", "auth_accounts"));
    }
    return out;
  }

  List<Map<String, Object>> entities() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      out.add(entity(entity));
    }
    return out;
  }

  private Map<String, Object> entity(EntitySpec entity) {
    Map<String, Object> m = new LinkedHashMap<>();
    String stem = stems.get(entity.name());
    m.put("className", classes.get(entity.name()));
    m.put("entityName", entity.name().value());
    m.put("docs", docs(entity.description()));
    m.put("repository", stem + "Repository");
    m.put("controller", stem + "Controller");
    m.put("request", stem + "Request");
    m.put("response", stem + "Response");
    m.put("tests", stem + "ApiTests");
    m.put("repositoryField", repositoryField(entity.name()));
    m.put("table", entity.name().snakePlural());
    m.put("path", "/api/" + entity.name().kebabPlural());
    m.put("create", "create" + entity.name().pascal());
    m.put("body", "body" + entity.name().pascal());
    m.put("bodiesConstant", constant(entity.name()) + "_BODIES");
    m.put("fields", fields(entity));
    List<Map<String, Object>> toOne = new ArrayList<>();
    List<Map<String, Object>> toMany = new ArrayList<>();
    List<Map<String, Object>> oneToMany = new ArrayList<>();
    Map<String, Map<String, Object>> repositories = new LinkedHashMap<>();
    repositories.put(entity.name().pascal(), repositoryRef(entity));
    for (RelationSpec relation : entity.relations()) {
      EntitySpec target = target(relation);
      repositories.putIfAbsent(target.name().pascal(), repositoryRef(target));
      switch (relation.kind()) {
        case MANY_TO_ONE -> toOne.add(toOne(relation, target));
        case MANY_TO_MANY -> toMany.add(toMany(entity, relation, target));
        case ONE_TO_MANY -> oneToMany.add(oneToMany(entity, relation, target));
      }
    }
    m.put("toOne", toOne);
    m.put("requiredToOne", toOne.stream().filter(r -> (Boolean) r.get("required")).toList());
    m.put(
        "filterByReference",
        toOne.stream().filter(r -> (Boolean) r.get("required")).limit(1).toList());
    m.put("toMany", toMany);
    m.put("oneToMany", oneToMany);
    m.put("repositories", List.copyOf(repositories.values()));
    m.put("columns", columns(entity));
    components(m);
    tests(entity, m);
    return m;
  }

  private List<Map<String, Object>> fields(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      String key = field.name().value();
      String member = JavaNames.member(key);
      m.put("key", key);
      m.put("member", member);
      m.put("renamed", !member.equals(key));
      m.put("column", field.name().snake());
      m.put("javaType", javaType(field.type()));
      m.put("accessor", accessor(key));
      m.put("nullable", field.nullable());
      m.put("unique", field.unique());
      m.put("defaultLiteral", field.defaultValue() == null ? null : defaultLiteral(field));
      m.put("columnExtra", columnExtra(field));
      m.put("validations", validations(field));
      m.put("docs", docs(field.description()));
      out.add(m);
    }
    return out;
  }

  private static String columnExtra(FieldSpec field) {
    return switch (field.type()) {
      case STRING ->
          ", length = "
              + (field.maxLength() == null ? SqlDialect.DEFAULT_STRING_LENGTH : field.maxLength());
      case ENUM -> ", length = " + SqlDialect.enumLength(field);
      case DECIMAL ->
          ", precision = " + SqlDialect.DECIMAL_PRECISION + ", scale = " + SqlDialect.DECIMAL_SCALE;
      default -> "";
    };
  }

  private static List<String> validations(FieldSpec field) {
    List<String> out = new ArrayList<>();
    if (field.required()) {
      out.add("@NotNull");
    }
    if (field.type() == FieldType.STRING) {
      int max = field.maxLength() == null ? SqlDialect.DEFAULT_STRING_LENGTH : field.maxLength();
      out.add(
          field.minLength() == null
              ? "@Size(max = " + max + ")"
              : "@Size(min = " + field.minLength() + ", max = " + max + ")");
    }
    if (field.type() == FieldType.TEXT
        && (field.minLength() != null || field.maxLength() != null)) {
      List<String> bounds = new ArrayList<>();
      if (field.minLength() != null) {
        bounds.add("min = " + field.minLength());
      }
      if (field.maxLength() != null) {
        bounds.add("max = " + field.maxLength());
      }
      out.add("@Size(" + String.join(", ", bounds) + ")");
    }
    if (field.pattern() != null) {
      out.add("@Pattern(regexp = " + JavaLiterals.string(field.pattern()) + ")");
    }
    if (field.min() != null) {
      out.add("@DecimalMin(" + JavaLiterals.string(field.min().toPlainString()) + ")");
    }
    if (field.max() != null) {
      out.add("@DecimalMax(" + JavaLiterals.string(field.max().toPlainString()) + ")");
    }
    if (field.type() == FieldType.DECIMAL) {
      out.add(
          "@Digits(integer = "
              + (SqlDialect.DECIMAL_PRECISION - SqlDialect.DECIMAL_SCALE)
              + ", fraction = "
              + SqlDialect.DECIMAL_SCALE
              + ")");
    }
    if (field.type() == FieldType.DATETIME) {
      out.add("@MicrosecondPrecision");
    }
    if (field.type() == FieldType.ENUM) {
      List<String> quoted = field.values().stream().map(Pattern::quote).toList();
      out.add(
          "@Pattern(regexp = "
              + JavaLiterals.string(String.join("|", quoted))
              + ", message = \"must be one of the allowed values\")");
    }
    return out;
  }

  private Map<String, Object> toOne(RelationSpec relation, EntitySpec target) {
    Map<String, Object> m = new LinkedHashMap<>();
    String name = relation.name().value();
    String key = relation.name().camel() + "Id";
    m.put("member", JavaNames.member(name));
    m.put("accessor", accessor(name));
    m.put("key", key);
    m.put("keyMember", JavaNames.member(key));
    m.put("keyRenamed", !JavaNames.member(key).equals(key));
    m.put("column", relation.name().snake() + "_id");
    m.put("required", relation.required());
    m.put("restricts", relation.required() && relation.onDelete() == DeleteRule.RESTRICT);
    m.put("cascades", relation.onDelete() == DeleteRule.CASCADE);
    m.put("nullsOnDelete", relation.onDelete() == DeleteRule.SET_NULL);
    m.put("oneToOne", relation.unique());
    m.put("targetClass", classes.get(target.name()));
    m.put("targetName", target.name().value());
    m.put("targetRepository", repositoryField(target.name()));
    m.put("targetPath", "/api/" + target.name().kebabPlural());
    m.put("targetCreate", "create" + target.name().pascal());
    m.put("property", JavaNames.member(name) + ".id");
    return m;
  }

  private Map<String, Object> toMany(EntitySpec owner, RelationSpec relation, EntitySpec target) {
    Map<String, Object> m = new LinkedHashMap<>();
    String name = relation.name().value();
    String key = relation.name().camel() + "Ids";
    List<String> columns = Relations.associationColumns(owner, relation);
    m.put("member", JavaNames.member(name));
    m.put("accessor", accessor(name));
    m.put("key", key);
    m.put("keyMember", JavaNames.member(key));
    m.put("keyRenamed", !JavaNames.member(key).equals(key));
    m.put("joinTable", Relations.associationTable(owner, relation));
    m.put("joinColumn", columns.get(0));
    m.put("inverseColumn", columns.get(1));
    m.put("targetClass", classes.get(target.name()));
    m.put("targetName", target.name().value());
    m.put("targetRepository", repositoryField(target.name()));
    m.put("targetController", stems.get(target.name()) + "Controller");
    m.put("targetResponse", stems.get(target.name()) + "Response");
    m.put("targetCreate", "create" + target.name().pascal());
    m.put("segment", relation.name().kebab());
    m.put("method", "list" + relation.name().pascal());
    m.put("testable", roomy(owner) && roomy(target));
    return m;
  }

  private Map<String, Object> oneToMany(
      EntitySpec owner, RelationSpec relation, EntitySpec target) {
    Map<String, Object> m = new LinkedHashMap<>();
    RelationSpec inverse =
        relations
            .inverse(owner, relation)
            .orElseThrow(() -> new IllegalArgumentException("one-to-many without inverse"));
    m.put("segment", relation.name().kebab());
    m.put("method", "list" + relation.name().pascal());
    m.put("accessor", relation.name().pascal());
    m.put("targetPath", "/api/" + target.name().kebabPlural());
    m.put("targetClass", classes.get(target.name()));
    m.put("targetRepository", repositoryField(target.name()));
    m.put("targetController", stems.get(target.name()) + "Controller");
    m.put("targetResponse", stems.get(target.name()) + "Response");
    m.put("targetBody", "body" + target.name().pascal());
    m.put("inverseMember", JavaNames.member(inverse.name().value()));
    m.put("inverseKey", inverse.name().camel() + "Id");
    m.put("testable", roomy(owner) && roomy(target));
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void components(Map<String, Object> m) {
    List<Map<String, Object>> fields = (List<Map<String, Object>>) m.get("fields");
    List<Map<String, Object>> toOne = (List<Map<String, Object>>) m.get("toOne");
    List<Map<String, Object>> toMany = (List<Map<String, Object>>) m.get("toMany");
    List<String> request = new ArrayList<>();
    List<String> response = new ArrayList<>();
    List<String> values = new ArrayList<>();
    response.add("Long id");
    values.add("row.getId()");
    for (Map<String, Object> field : fields) {
      String json = (Boolean) field.get("renamed") ? jsonProperty(field.get("key")) : "";
      StringBuilder annotations = new StringBuilder(json);
      for (Object validation : (List<?>) field.get("validations")) {
        annotations.append(validation).append(' ');
      }
      String declaration = field.get("javaType") + " " + field.get("member");
      request.add(annotations + declaration);
      response.add(json + declaration);
      values.add("row.get" + field.get("accessor") + "()");
    }
    for (Map<String, Object> relation : toOne) {
      String json = (Boolean) relation.get("keyRenamed") ? jsonProperty(relation.get("key")) : "";
      String required = (Boolean) relation.get("required") ? "@NotNull " : "";
      request.add(json + required + "Long " + relation.get("keyMember"));
      response.add(json + "Long " + relation.get("keyMember"));
      String getter = "row.get" + relation.get("accessor") + "()";
      values.add(getter + " == null ? null : " + getter + ".getId()");
    }
    for (Map<String, Object> relation : toMany) {
      String json = (Boolean) relation.get("keyRenamed") ? jsonProperty(relation.get("key")) : "";
      request.add(json + "List<Long> " + relation.get("keyMember"));
      response.add(json + "List<Long> " + relation.get("keyMember"));
      values.add(
          "row.get"
              + relation.get("accessor")
              + "().stream().map("
              + relation.get("targetClass")
              + "::getId).sorted().toList()");
    }
    response.add("Instant createdAt");
    response.add("Instant updatedAt");
    values.add("row.getCreatedAt()");
    values.add("row.getUpdatedAt()");
    m.put("requestParams", parameters(request));
    m.put("requestBody", requestBody(m.get("request"), fields));
    m.put("responseParams", parameters(response));
    m.put("responseValues", parameters(values).replace("\n    ", "\n        "));
  }

  /**
   * The body of the request record: empty, or a compact constructor that puts each defaulted
   * field's default where the body left it out or sent null.
   */
  private static String requestBody(Object request, List<Map<String, Object>> fields) {
    StringBuilder body = new StringBuilder();
    for (Map<String, Object> field : fields) {
      if (field.get("defaultLiteral") != null) {
        body.append("    if (")
            .append(field.get("member"))
            .append(" == null) {\n      ")
            .append(field.get("member"))
            .append(" = ")
            .append(field.get("defaultLiteral"))
            .append(";\n    }\n");
      }
    }
    return body.isEmpty()
        ? "{}"
        : "{\n\n  /** A value left out or null takes its field's default. */\n  public "
            + request
            + " {\n"
            + body
            + "  }\n}";
  }

  /** The Java expression of a field's default, in the field's Java type. */
  private static String defaultLiteral(FieldSpec field) {
    String value = field.defaultValue();
    return switch (field.type()) {
      case INTEGER, BOOLEAN -> value;
      case LONG -> value + "L";
      case DECIMAL -> "new BigDecimal(" + JavaLiterals.string(value) + ")";
      case DATE -> "LocalDate.parse(" + JavaLiterals.string(value) + ")";
      case UUID -> "UUID.fromString(" + JavaLiterals.string(value) + ")";
      default -> JavaLiterals.string(value);
    };
  }

  private static List<String> docs(String description) {
    return description == null || description.isBlank()
        ? List.of()
        : List.of(JavaDocs.text(description));
  }

  private static String jsonProperty(Object key) {
    return "@JsonProperty(\"" + key + "\") ";
  }

  private static String parameters(List<String> items) {
    return items.isEmpty() ? "" : "\n    " + String.join(",\n    ", items);
  }

  private List<Map<String, Object>> columns(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(column("id", "id", "ID", true));
    for (FieldSpec field : entity.fields()) {
      out.add(
          column(
              field.name().value(),
              JavaNames.member(field.name().value()),
              field.type().name(),
              true));
    }
    for (RelationSpec relation : entity.relations()) {
      if (relation.kind() == RelationKind.MANY_TO_ONE) {
        out.add(
            column(
                relation.name().camel() + "Id",
                JavaNames.member(relation.name().value()) + ".id",
                "ID",
                true));
      }
    }
    out.add(column("createdAt", "createdAt", "DATETIME", false));
    out.add(column("updatedAt", "updatedAt", "DATETIME", false));
    out.get(out.size() - 1).put("last", true);
    return out;
  }

  private static Map<String, Object> column(
      String key, String property, String kind, boolean filterable) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("property", property);
    m.put("kind", kind);
    m.put("filterable", filterable);
    m.put("last", false);
    return m;
  }

  // ---------------------------------------------------------------- generated tests

  private void tests(EntitySpec entity, Map<String, Object> m) {
    List<List<String>> parts = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      parts.add(new ArrayList<>());
    }
    List<Map<String, Object>> checks = new ArrayList<>();
    List<Map<String, Object>> invalid = new ArrayList<>();
    List<Map<String, Object>> patches = new ArrayList<>();
    List<Map<String, Object>> defaults = new ArrayList<>();
    boolean hasUnique = false;
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      if (field.defaultValue() != null) {
        defaults.add(Map.of("key", key, "expected", answeredDefault(field)));
      }
      List<Object> values = samples(entity, field);
      if (values.isEmpty()) {
        continue;
      }
      hasUnique |= field.unique();
      for (int i = 0; i < BODIES; i++) {
        parts.get(i).add(json(key) + ":" + json(field, values.get(i % values.size())));
      }
      String expected = expected(field, values.get(0));
      if (expected != null) {
        checks.add(Map.of("key", key, "expected", expected));
        if (patches.isEmpty()) {
          Object changed = values.get(1 % values.size());
          patches.add(
              Map.of(
                  "key",
                  key,
                  "value",
                  JavaLiterals.string(json(field, changed)),
                  "expected",
                  expected(field, changed)));
        }
      }
      if (field.required()) {
        invalid.add(invalidCase(key, null));
      }
      for (SampleValues.Violation violation : violations(entity, field)) {
        if (violation.rule().equals("type") && wrongTypeIsCoerced(field.type())) {
          continue;
        }
        invalid.add(invalidCase(key, JavaLiterals.string(json(field, violation.value()))));
      }
    }
    for (RelationSpec relation : entity.relations()) {
      if (relation.kind() == RelationKind.MANY_TO_ONE && relation.required()) {
        invalid.add(invalidCase(relation.name().camel() + "Id", null));
      }
    }
    List<String> bodies =
        parts.stream().map(p -> JavaLiterals.string(String.join(",", p))).toList();
    m.put("bodies", String.join(",\n      ", bodies));
    m.put("checks", checks);
    m.put("invalid", invalid);
    m.put("patch", patches);
    m.put("defaults", defaults);
    List<Map<String, Object>> groupTests = new ArrayList<>();
    for (UniqueGroup group : entity.unique()) {
      List<String> keys = Relations.uniqueKeys(entity, group);
      List<Map<String, Object>> targets = new ArrayList<>();
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
        if (group.members().contains(relation.name())) {
          targets.add(
              Map.of(
                  "key", relation.name().camel() + "Id",
                  "targetCreate", "create" + relation.target().pascal()));
        }
      }
      groupTests.add(
          Map.of(
              "index", groupTests.size() + 1,
              "keys",
                  keys.stream()
                      .map(JavaLiterals::string)
                      .collect(java.util.stream.Collectors.joining(", ")),
              "firstKey", keys.get(0),
              "lastKey", keys.get(keys.size() - 1),
              "targets", targets));
    }
    m.put("uniqueGroupTests", groupTests);
    m.put(
        "refersInTests",
        entity.relations().stream()
            .anyMatch(
                r ->
                    r.kind() == RelationKind.MANY_TO_ONE
                        && (r.unique() || r.onDelete() != DeleteRule.RESTRICT)));
    m.put("hasDefaults", !defaults.isEmpty());
    m.put(
        "invalidPatch",
        invalid.stream().filter(c -> !(Boolean) c.get("missing")).limit(1).toList());
    m.put("hasUnique", hasUnique);
    m.put("canUpdate", capacity(entity) >= 2);
    m.put("roomy", roomy(entity));
  }

  private static Map<String, Object> invalidCase(String key, String valueLiteral) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("missing", valueLiteral == null);
    m.put("value", valueLiteral == null ? "" : valueLiteral);
    return m;
  }

  /** Jackson turns a JSON number into a string, so a number is no type error for text fields. */
  private static boolean wrongTypeIsCoerced(FieldType type) {
    return type == FieldType.STRING || type == FieldType.TEXT || type == FieldType.ENUM;
  }

  /**
   * The Java literal a JSON path assertion expects for a field's default: a double for a decimal
   * (the path reads the answered number as one), else as {@link #expected}.
   */
  private static String answeredDefault(FieldSpec field) {
    return field.type() == FieldType.DECIMAL
        ? field.defaultValue() + "d"
        : expected(
            field,
            field.type() == FieldType.BOOLEAN
                ? Boolean.parseBoolean(field.defaultValue())
                : field.defaultValue());
  }

  /** The Java literal a JSON path assertion expects, or {@code null} when not compared. */
  private static String expected(FieldSpec field, Object value) {
    return switch (field.type()) {
      case STRING, TEXT, ENUM, DATE, UUID -> JavaLiterals.string(String.valueOf(value));
      case INTEGER, LONG -> value + "L";
      case BOOLEAN -> String.valueOf(value);
      case DECIMAL, DATETIME -> null;
    };
  }

  private boolean roomy(EntitySpec entity) {
    return capacity(entity) >= ROOMY;
  }

  /**
   * How many rows of {@code entity} the fixtures can create before a unique value repeats, taking
   * the parents each row creates into account.
   */
  private int capacity(EntitySpec entity) {
    Integer known = capacities.get(entity.name());
    if (known != null) {
      return known;
    }
    int capacity = Integer.MAX_VALUE;
    for (FieldSpec field : entity.fields()) {
      int size = samples(entity, field).size();
      if (field.unique() && size > 0) {
        capacity = Math.min(capacity, size);
      }
    }
    capacity = Math.min(capacity, BODIES);
    for (RelationSpec relation : entity.relations()) {
      if (relation.kind() == RelationKind.MANY_TO_ONE
          && relation.required()
          && !relation.target().equals(entity.name())) {
        capacity = Math.min(capacity, capacity(target(relation)));
      }
    }
    capacities.put(entity.name(), capacity);
    return capacity;
  }

  private static String json(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(FieldSpec field, Object value) {
    if (value instanceof String text && field.type() == FieldType.DECIMAL && isNumber(text)) {
      return new BigDecimal(text).toPlainString();
    }
    if (value instanceof BigInteger || value instanceof Boolean) {
      return value.toString();
    }
    return json(String.valueOf(value));
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static long seed(EntitySpec entity, FieldSpec field) {
    return io.backforge.templates.generate.GeneratedApi.seed(entity, field);
  }

  private static List<Object> samples(EntitySpec entity, FieldSpec field) {
    return SampleValues.valid(field, BODIES, seed(entity, field));
  }

  private static List<SampleValues.Violation> violations(EntitySpec entity, FieldSpec field) {
    return SampleValues.violations(field, seed(entity, field));
  }

  // ---------------------------------------------------------------- names

  private Map<String, Object> repositoryRef(EntitySpec entity) {
    return Map.of(
        "repository",
        stems.get(entity.name()) + "Repository",
        "repositoryField",
        repositoryField(entity.name()));
  }

  private static String repositoryField(Identifier entity) {
    return entity.camel() + "Repository";
  }

  private static String constant(Identifier entity) {
    return entity.snake().toUpperCase(java.util.Locale.ROOT);
  }

  private static String accessor(String name) {
    return JavaNames.accessor(name);
  }

  private EntitySpec target(RelationSpec relation) {
    return relations.target(relation);
  }

  static String javaType(FieldType type) {
    return switch (type) {
      case STRING, TEXT, ENUM -> "String";
      case INTEGER -> "Integer";
      case LONG -> "Long";
      case DECIMAL -> "BigDecimal";
      case BOOLEAN -> "Boolean";
      case DATE -> "LocalDate";
      case DATETIME -> "Instant";
      case UUID -> "UUID";
    };
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ");
  }
}
