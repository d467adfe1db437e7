package io.backforge.templates.flask;

import static io.backforge.templates.flask.PythonLiterals.string;

import io.backforge.templates.generate.MarkdownText;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.relational.SqlNames;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The template model of a Flask project: every decision (column types, validators, sample values,
 * which tests apply) is made here, so the templates only substitute and repeat.
 */
final class FlaskModel {

  /** How many distinct sample values the tests may draw per field. */
  static final int SAMPLES = 8;

  private static final int PAGE_ROWS = 3;

  private static final java.util.regex.Pattern STRING_LITERAL =
      java.util.regex.Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");

  private final ProjectSpec spec;
  private final Relations relations;
  private final Schema schema;

  FlaskModel(ProjectSpec spec) {
    this.spec = spec;
    this.relations = new Relations(spec);
    this.schema = new Schema(spec, relations, spec.features().auth() == Auth.JWT);
  }

  /** The template model of the initial Alembic migration. */
  Map<String, Object> migration() {
    Map<String, Object> m = new LinkedHashMap<>(project());
    m.putAll(schema.migration());
    return m;
  }

  boolean jwt() {
    return spec.features().auth() == Auth.JWT;
  }

  /** The values every template sees. */
  Map<String, Object> project() {
    Map<String, Object> m = new LinkedHashMap<>();
    Database database = spec.database();
    String dbName = spec.name().snake();
    m.put("projectName", spec.name().kebab());
    m.put("descriptionMarkdown", MarkdownText.inline(spec.description()));
    m.put("hasDescription", !MarkdownText.inline(spec.description()).isEmpty());
    m.put("usesDecimal", usesDecimal());
    m.put("usesDateDefault", usesDateDefault());
    m.put("usesStandardImports", usesDecimal() || usesDateDefault());
    m.put(
        "usesDeleteRules",
        spec.entities().stream()
            .flatMap(e -> e.relations().stream())
            .anyMatch(r -> r.onDelete() != DeleteRule.RESTRICT));
    m.put("usesUniqueGroups", spec.entities().stream().anyMatch(e -> !e.unique().isEmpty()));
    m.put(
        "usesOneToOne",
        spec.entities().stream()
            .flatMap(e -> e.relations().stream())
            .anyMatch(RelationSpec::unique));
    m.put(
        "usesDefaults",
        spec.entities().stream()
            .flatMap(e -> e.fields().stream())
            .anyMatch(f -> f.defaultValue() != null));
    m.put("jwt", jwt());
    m.put("openapi", spec.features().openapi());
    m.put("docker", spec.features().docker());
    m.put("paginated", spec.features().pagination());
    m.put("paginatedLiteral", PythonLiterals.bool(spec.features().pagination()));
    m.put("postgresql", database == Database.POSTGRESQL);
    m.put("mysql", database == Database.MYSQL);
    m.put("sqlite", database == Database.SQLITE);
    m.put("databaseName", database.json());
    m.put("dbName", dbName);
    m.put("dbFileName", dbName + ".db");
    // MySQL accounts match the client's address: the README creates the user at 127.0.0.1.
    String host = database == Database.MYSQL ? "127.0.0.1" : "localhost";
    m.put("databaseUrl", databaseUrl(database, dbName, host, "change-me"));
    m.put("composeDatabaseUrl", composeDatabaseUrl(database, dbName));
    m.put("decimalScale", SampleValues.DECIMAL_SCALE);
    m.put("decimalIntegerDigits", SampleValues.DECIMAL_PRECISION - SampleValues.DECIMAL_SCALE);
    m.put("protectedUrlLiteral", string(protectedUrl()));
    m.put("firstPath", protectedUrl());
    m.put("associations", associations());
    List<Map<String, Object>> entities = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      entities.add(entity(entity));
    }
    m.put("entities", entities);
    String schemaCode =
        entities.stream()
            .map(e -> (String) e.get("schemaDefinition"))
            .map(code -> STRING_LITERAL.matcher(code).replaceAll("\"\""))
            .collect(Collectors.joining("\n"));
    m.put("usesFields", schemaCode.matches("(?s).*\\bfields\\..*"));
    m.put("usesValidate", schemaCode.matches("(?s).*\\bvalidate\\..*"));
    m.put("usesValidation", schemaCode.matches("(?s).*\\bvalidation\\..*"));
    m.put(
        "entityModules",
        PythonLiterals.stringTuple(spec.entities().stream().map(e -> e.name().snake()).toList()));
    m.put("endpoints", endpoints());
    return m;
  }

  private boolean usesDecimal() {
    return spec.entities().stream()
        .flatMap(e -> e.fields().stream())
        .anyMatch(
            f ->
                f.min() != null
                    || f.max() != null
                    || (f.type() == FieldType.DECIMAL && f.defaultValue() != null));
  }

  private boolean usesDateDefault() {
    return spec.entities().stream()
        .flatMap(e -> e.fields().stream())
        .anyMatch(f -> f.type() == FieldType.DATE && f.defaultValue() != null);
  }

  private String protectedUrl() {
    return spec.entities().isEmpty()
        ? "/api"
        : "/api/" + spec.entities().get(0).name().kebabPlural();
  }

  private static String databaseUrl(Database database, String name, String host, String pw) {
    return switch (database) {
      case POSTGRESQL -> "postgresql+psycopg2://" + name + ":" + pw + "@" + host + ":5432/" + name;
      case MYSQL -> "mysql+pymysql://" + name + ":" + pw + "@" + host + ":3306/" + name;
      case SQLITE -> "sqlite:///" + name + ".db";
    };
  }

  private static String composeDatabaseUrl(Database database, String name) {
    return switch (database) {
      case POSTGRESQL -> databaseUrl(database, name, "db", "${POSTGRES_PASSWORD}");
      case MYSQL -> databaseUrl(database, name, "db", "${MYSQL_PASSWORD}");
      case SQLITE -> "sqlite:////srv/instance/" + name + ".db";
    };
  }

  private List<Map<String, Object>> associations() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : Relations.ofKind(owner, RelationKind.MANY_TO_MANY)) {
        String table = Relations.associationTable(owner, relation);
        String definition =
            table
                + " = _db.Table("
                + String.join(", ", schema.associationParts(owner, relation))
                + ")";
        out.add(Map.of("definition", definition));
      }
    }
    return out;
  }

  /**
   * The model class's docstring: the entity's description (from the spec, or from AI enrichment) on
   * one line, escaped so that no text can end the string or leave ASCII, and always ending in the
   * table name, so that Black never has a quote or backslash to adjust.
   */
  static String docstring(String description, String table) {
    if (description == null || description.isBlank()) {
      return "Rows of the " + table + " table.";
    }
    String line = description.strip().replaceAll("\\s+", " ");
    if (line.codePointCount(0, line.length()) > 300) {
      line = line.substring(0, line.offsetByCodePoints(0, 300)) + "...";
    }
    StringBuilder out = new StringBuilder();
    line.codePoints()
        .forEach(
            c -> {
              if (c == '\\' || c == '"') {
                out.append('\\').appendCodePoint(c);
              } else if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
              } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append(String.format("\\U%08x", c));
              }
            });
    return out + " (table " + table + ").";
  }

  private Map<String, Object> entity(EntitySpec entity) {
    Map<String, Object> m = new LinkedHashMap<>();
    String table = entity.name().snakePlural();
    String basePath = "/api/" + entity.name().kebabPlural();
    m.put("className", PythonNames.modelClass(entity.name()));
    m.put("entityName", entity.name().value());
    m.put("docName", docstring(entity.description(), table));
    m.put("descriptionMarkdown", MarkdownText.inline(entity.description()));
    m.put("hasDescription", !MarkdownText.inline(entity.description()).isEmpty());
    m.put("snake", entity.name().snake());
    m.put("nameLiteral", string(entity.name().value()));
    m.put("moduleLiteral", string(entity.name().snake()));
    m.put("tableLiteral", string(table));
    m.put("basePath", basePath);
    m.put("basePathLiteral", string(basePath));
    m.put("blueprintLiteral", string("entity_" + entity.name().snake()));
    m.put("getEndpointLiteral", string("entity_" + entity.name().snake() + ".get_item"));
    m.put("schemaClass", entity.name().pascal() + "Schema");
    m.put("schemaNameLiteral", string(entity.name().pascal() + "Schema"));
    m.put("valuesName", entity.name().snake().toUpperCase(java.util.Locale.ROOT) + "_SAMPLES");
    m.put("jwt", jwt());
    m.put("paginated", spec.features().pagination());
    m.put("tableArgs", tableArgs(entity));
    m.put("columns", columns(entity));
    m.put("schemaFields", schemaFields(entity));
    m.put("fields", resourceFields(entity));
    m.put("toOne", toOne(entity));
    m.put("toMany", toMany(entity));
    m.put("oneToMany", oneToMany(entity));
    m.put("inbound", inbound(entity));
    m.put("uniqueTogether", uniqueTogether(entity));
    m.put("inboundMany", inboundMany(entity));
    m.put("manyToMany", modelManyToMany(entity));
    m.put("resourceDefinition", resourceDefinition(m));
    m.put("schemaDefinition", schemaDefinition(m));
    m.put("sampleFields", sampleFields(entity));
    m.put("requiredToOne", requiredToOne(entity));
    m.put("rows", readmeRows(entity));
    TestCases.add(m, entity, relations, capacity(entity));
    return m;
  }

  @SuppressWarnings("unchecked")
  private static String resourceDefinition(Map<String, Object> m) {
    List<String> args = new ArrayList<>();
    args.add("name=" + m.get("nameLiteral"));
    args.add("model=models." + m.get("className"));
    args.add("schema=schemas." + m.get("schemaClass"));
    args.add(
        "fields="
            + tuple(
                (List<Map<String, Object>>) m.get("fields"),
                f ->
                    "crud.Field("
                        + f.get("keyLiteral")
                        + ", "
                        + f.get("attrLiteral")
                        + ", "
                        + f.get("kindLiteral")
                        + ", unique="
                        + f.get("unique")
                        + ")"));
    args.add(
        "to_one="
            + tuple(
                (List<Map<String, Object>>) m.get("toOne"),
                r ->
                    "crud.ToOne("
                        + r.get("keyLiteral")
                        + ", "
                        + r.get("attrLiteral")
                        + ", "
                        + r.get("targetLiteral")
                        + ", required="
                        + r.get("required")
                        + r.get("uniqueArgument")
                        + ")"));
    args.add(
        "to_many="
            + tuple(
                (List<Map<String, Object>>) m.get("toMany"),
                r ->
                    "crud.ToMany("
                        + r.get("keyLiteral")
                        + ", "
                        + r.get("attrLiteral")
                        + ", "
                        + r.get("targetLiteral")
                        + ", table="
                        + r.get("tableLiteral")
                        + ", owner_column="
                        + r.get("ownerColumnLiteral")
                        + ", target_column="
                        + r.get("targetColumnLiteral")
                        + ")"));
    args.add(
        "inbound="
            + tuple(
                (List<Map<String, Object>>) m.get("inbound"),
                r ->
                    "crud.Inbound("
                        + r.get("sourceLiteral")
                        + ", "
                        + r.get("attrLiteral")
                        + r.get("ruleArgument")
                        + ")"));
    args.add(
        "inbound_many="
            + tuple(
                (List<Map<String, Object>>) m.get("inboundMany"),
                r ->
                    "crud.InboundMany("
                        + r.get("tableLiteral")
                        + ", "
                        + r.get("columnLiteral")
                        + ")"));
    List<Map<String, Object>> together = (List<Map<String, Object>>) m.get("uniqueTogether");
    if (!together.isEmpty()) {
      args.add("unique_together=" + tuple(together, r -> (String) r.get("definition")));
    }
    return "RESOURCE = crud.register(crud.Resource(" + String.join(", ", args) + "))";
  }

  private static List<Map<String, Object>> uniqueTogether(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UniqueGroup group : entity.unique()) {
      List<String> attrs = new ArrayList<>();
      for (Identifier member : group.members()) {
        boolean field = entity.fields().stream().anyMatch(f -> f.name().equals(member));
        attrs.add(field ? PythonNames.attribute(member) : member.snake() + "_id");
      }
      out.add(
          Map.of(
              "definition",
              "crud.UniqueTogether("
                  + PythonLiterals.stringTuple(Relations.uniqueKeys(entity, group))
                  + ", "
                  + PythonLiterals.stringTuple(attrs)
                  + ")"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String schemaDefinition(Map<String, Object> m) {
    String entries =
        ((List<Map<String, Object>>) m.get("schemaFields"))
            .stream()
                .map(f -> f.get("attrLiteral") + ": " + f.get("definition"))
                .collect(Collectors.joining(", "));
    return m.get("schemaClass")
        + " = Schema.from_dict({"
        + entries
        + "}, name="
        + m.get("schemaNameLiteral")
        + ")";
  }

  private static String tuple(
      List<Map<String, Object>> items,
      java.util.function.Function<Map<String, Object>, String> render) {
    List<String> rendered = items.stream().map(render).toList();
    return "(" + String.join(", ", rendered) + (rendered.size() == 1 ? ",)" : ")");
  }

  private static long seed(EntitySpec entity, FieldSpec field) {
    return io.backforge.templates.generate.GeneratedApi.seed(entity, field);
  }

  static List<Object> samples(EntitySpec entity, FieldSpec field) {
    return SampleValues.valid(field, SAMPLES, seed(entity, field));
  }

  static List<SampleValues.Violation> violations(EntitySpec entity, FieldSpec field) {
    return SampleValues.violations(field, seed(entity, field));
  }

  private static int capacity(EntitySpec entity) {
    int capacity = PAGE_ROWS;
    for (FieldSpec field : entity.fields()) {
      if (field.unique()) {
        capacity = Math.min(capacity, samples(entity, field).size());
      }
    }
    return Math.max(1, capacity);
  }

  private String tableArgs(EntitySpec entity) {
    List<String> args = new ArrayList<>();
    args.addAll(schema.uniques(entity));
    args.addAll(schema.checks(entity));
    args.addAll(schema.indexes(entity));
    if (args.isEmpty()) {
      return null;
    }
    return "__table_args__ = (" + String.join(", ", args) + (args.size() == 1 ? ",)" : ")");
  }

  private List<Map<String, Object>> columns(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Schema.ForeignKey> foreignKeys = new LinkedHashMap<>();
    schema.foreignKeys(entity).forEach(fk -> foreignKeys.put(fk.column(), fk));
    java.util.Set<String> deferred = schema.deferredForeignKeys();
    for (Schema.Column column : schema.columns(entity)) {
      Schema.ForeignKey fk = foreignKeys.get(column.name());
      String definition =
          column.attribute()
              + " = _db.Column("
              + (column.attribute().equals(column.name()) ? "" : string(column.name()) + ", ")
              + column.type()
              + (fk == null
                  ? ""
                  : ", _db.ForeignKey("
                      + string(fk.target() + ".id")
                      + ", name="
                      + string(fk.name())
                      + (deferred.contains(fk.name()) ? ", use_alter=True" : "")
                      + fk.onDeleteArgument()
                      + ")")
              + ", nullable="
              + PythonLiterals.bool(column.nullable())
              + (column.serverDefault() == null ? "" : ", server_default=" + column.serverDefault())
              + ")";
      out.add(Map.of("definition", definition));
    }
    return out;
  }

  static String columnType(FieldSpec field, String table, String column) {
    return switch (field.type()) {
      case STRING -> "_sa.String(" + SampleValues.maxLength(field) + ")";
      case TEXT -> "_Text";
      case INTEGER -> "_sa.Integer()";
      case LONG -> "_sa.BigInteger()";
      case DECIMAL ->
          "_sa.Numeric(" + SampleValues.DECIMAL_PRECISION + ", " + SampleValues.DECIMAL_SCALE + ")";
      case BOOLEAN -> "_sa.Boolean()";
      case DATE -> "_sa.Date()";
      case DATETIME -> "_DateTime";
      case UUID -> "_sa.String(36)";
      case ENUM ->
          "_sa.Enum("
              + field.values().stream()
                  .map(PythonLiterals::string)
                  .collect(Collectors.joining(", "))
              + ", name="
              + string(SqlNames.constraint("ck_" + table + "_" + column + "_enum"))
              + ", native_enum=False, create_constraint=True)";
    };
  }

  private List<Map<String, Object>> schemaFields(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      out.add(
          Map.of(
              "attrLiteral",
              string(PythonNames.attribute(field.name())),
              "definition",
              schemaField(field)));
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String definition =
          "validation.StrictInteger(" + presence(toOneKey(relation), relation.required()) + ")";
      out.add(
          Map.of("attrLiteral", string(relation.name().snake() + "_id"), "definition", definition));
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      String definition =
          "fields.List(validation.StrictInteger(), " + presence(toManyKey(relation), false) + ")";
      out.add(
          Map.of(
              "attrLiteral",
              string(PythonNames.attribute(relation.name())),
              "definition",
              definition));
    }
    return out;
  }

  private static String presence(String key, boolean required) {
    return "data_key="
        + string(key)
        + ", required="
        + PythonLiterals.bool(required)
        + ", allow_none="
        + PythonLiterals.bool(!required);
  }

  private static String schemaField(FieldSpec field) {
    List<String> validators = new ArrayList<>();
    String fieldClass =
        switch (field.type()) {
          case STRING, TEXT, ENUM -> "fields.String";
          case INTEGER, LONG -> "validation.StrictInteger";
          case DECIMAL -> "validation.JsonDecimal";
          case BOOLEAN -> "validation.StrictBoolean";
          case DATE -> "validation.IsoDate";
          case DATETIME -> "validation.UtcDateTime";
          case UUID -> "validation.UuidString";
        };
    if (field.type() == FieldType.STRING || field.type() == FieldType.TEXT) {
      List<String> bounds = new ArrayList<>();
      if (field.minLength() != null) {
        bounds.add("min=" + field.minLength());
      }
      Integer maxLength = SampleValues.maxLength(field);
      if (maxLength != null) {
        bounds.add("max=" + maxLength);
      }
      if (!bounds.isEmpty()) {
        validators.add("validate.Length(" + String.join(", ", bounds) + ")");
      }
      if (field.pattern() != null) {
        validators.add("validation.FullMatch(" + string(field.pattern()) + ")");
      }
    }
    if (field.type() == FieldType.INTEGER) {
      validators.add(
          "validate.Range(min=" + Integer.MIN_VALUE + ", max=" + Integer.MAX_VALUE + ")");
    }
    if (field.type() == FieldType.LONG) {
      validators.add("validate.Range(min=" + Long.MIN_VALUE + ", max=" + Long.MAX_VALUE + ")");
    }
    if (field.type() == FieldType.DECIMAL) {
      validators.add("validation.decimal_fits");
    }
    if (field.min() != null || field.max() != null) {
      List<String> bounds = new ArrayList<>();
      if (field.min() != null) {
        bounds.add("min=" + PythonLiterals.decimal(field.min()));
      }
      if (field.max() != null) {
        bounds.add("max=" + PythonLiterals.decimal(field.max()));
      }
      validators.add("validate.Range(" + String.join(", ", bounds) + ")");
    }
    if (field.type() == FieldType.ENUM) {
      validators.add("validate.OneOf(" + PythonLiterals.stringTuple(field.values()) + ")");
    }
    String args = presence(field.name().value(), field.required());
    if (field.defaultValue() != null) {
      args += ", load_default=" + PythonLiterals.defaultValue(field);
    }
    if (!validators.isEmpty()) {
      args += ", validate=[" + String.join(", ", validators) + "]";
    }
    if (field.defaultValue() != null) {
      fieldClass = "validation.defaulted(" + fieldClass + ")";
    }
    return fieldClass + "(" + args + ")";
  }

  static String toOneKey(RelationSpec relation) {
    return io.backforge.templates.generate.GeneratedApi.toOneKey(relation);
  }

  static String toManyKey(RelationSpec relation) {
    return io.backforge.templates.generate.GeneratedApi.toManyKey(relation);
  }

  private List<Map<String, Object>> resourceFields(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      out.add(
          Map.of(
              "keyLiteral", string(field.name().value()),
              "attrLiteral", string(PythonNames.attribute(field.name())),
              "kindLiteral", string(field.type().json()),
              "unique", PythonLiterals.bool(field.unique())));
    }
    return out;
  }

  private List<Map<String, Object>> toOne(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      out.add(
          Map.of(
              "keyLiteral", string(toOneKey(relation)),
              "attrLiteral", string(relation.name().snake() + "_id"),
              "targetLiteral", string(relation.target().value()),
              "required", PythonLiterals.bool(relation.required()),
              "uniqueArgument", relation.unique() ? ", unique=True" : ""));
    }
    return out;
  }

  private List<Map<String, Object>> toMany(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      List<String> columns = Relations.associationColumns(entity, relation);
      out.add(
          Map.of(
              "keyLiteral", string(toManyKey(relation)),
              "attr", relation.name().snake(),
              "attrLiteral", string(PythonNames.attribute(relation.name())),
              "targetLiteral", string(relation.target().value()),
              "pathLiteral", string("/<row_id:id>/" + relation.name().kebab()),
              "tableLiteral", string(Relations.associationTable(entity, relation)),
              "ownerColumnLiteral", string(columns.get(0)),
              "targetColumnLiteral", string(columns.get(1))));
    }
    return out;
  }

  private List<Map<String, Object>> oneToMany(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.ONE_TO_MANY)) {
      Optional<RelationSpec> inverse = relations.inverse(entity, relation);
      if (inverse.isEmpty()) {
        continue;
      }
      out.add(
          Map.of(
              "attr", relation.name().snake(),
              "pathLiteral", string("/<row_id:id>/" + relation.name().kebab()),
              "sourceLiteral", string(relation.target().value()),
              "sourceAttrLiteral", string(inverse.get().name().snake() + "_id")));
    }
    return out;
  }

  private List<Map<String, Object>> inbound(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_ONE)) {
      DeleteRule rule = owned.relation().onDelete();
      out.add(
          Map.of(
              "sourceLiteral",
              string(owned.owner().name().value()),
              "attrLiteral",
              string(owned.relation().name().snake() + "_id"),
              "ruleArgument",
              rule == DeleteRule.RESTRICT ? "" : ", on_delete=" + string(rule.json())));
    }
    return out;
  }

  private List<Map<String, Object>> inboundMany(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_MANY)) {
      String table = Relations.associationTable(owned.owner(), owned.relation());
      String column = Relations.associationColumns(owned.owner(), owned.relation()).get(1);
      out.add(Map.of("tableLiteral", string(table), "columnLiteral", string(column)));
    }
    return out;
  }

  private List<Map<String, Object>> modelManyToMany(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      EntitySpec target = relations.target(relation);
      List<String> columns = Relations.associationColumns(entity, relation);
      String table = Relations.associationTable(entity, relation);
      String owner = PythonNames.modelClass(entity.name());
      String other = PythonNames.modelClass(target.name());
      String definition =
          PythonNames.attribute(relation.name())
              + " = _db.relationship("
              + String.join(
                  ", ",
                  string(other),
                  "secondary=" + table,
                  "primaryjoin=" + string(owner + ".id == " + table + ".c." + columns.get(0)),
                  "secondaryjoin=" + string(other + ".id == " + table + ".c." + columns.get(1)),
                  "order_by=" + string(other + ".id"))
              + ")";
      out.add(Map.of("definition", definition));
    }
    return out;
  }

  private List<Map<String, Object>> sampleFields(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      List<Object> values = samples(entity, field);
      if (values.isEmpty()) {
        continue;
      }
      String literals = values.stream().map(FlaskModel::literal).collect(Collectors.joining(", "));
      out.add(Map.of("keyLiteral", string(field.name().value()), "samples", literals));
    }
    return out;
  }

  private List<Map<String, Object>> requiredToOne(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      // Optional references stay empty: that also breaks self-reference cycles.
      if (relation.required() && !relation.target().equals(entity.name())) {
        out.add(
            Map.of(
                "keyLiteral", string(toOneKey(relation)),
                "targetSnake", relation.target().snake()));
      }
    }
    return out;
  }

  private List<Map<String, Object>> readmeRows(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      List<String> constraints = new ArrayList<>();
      if (field.required()) {
        constraints.add("required");
      }
      if (field.unique()) {
        constraints.add("unique");
      }
      if (field.min() != null) {
        constraints.add("min " + field.min().toPlainString());
      }
      if (field.max() != null) {
        constraints.add("max " + field.max().toPlainString());
      }
      if (field.minLength() != null) {
        constraints.add("minLength " + field.minLength());
      }
      if (SampleValues.maxLength(field) != null) {
        constraints.add("maxLength " + SampleValues.maxLength(field));
      }
      if (field.pattern() != null) {
        constraints.add("pattern " + field.pattern());
      }
      if (!field.values().isEmpty()) {
        constraints.add("one of " + String.join(", ", field.values()));
      }
      if (field.description() != null && !field.description().isBlank()) {
        constraints.add(field.description());
      }
      out.add(
          Map.of(
              "key", field.name().value(),
              "type", field.type().json(),
              "constraints", MarkdownText.inline(String.join("; ", constraints))));
    }
    for (RelationSpec relation : entity.relations()) {
      String key =
          switch (relation.kind()) {
            case MANY_TO_ONE -> toOneKey(relation);
            case MANY_TO_MANY -> toManyKey(relation);
            case ONE_TO_MANY -> relation.name().value();
          };
      String constraints =
          relation.kind() == RelationKind.ONE_TO_MANY
              ? "read-only, listed at the sub-path " + relation.name().kebab()
              : (relation.required() ? "required; " : "")
                  + "id of "
                  + article(relation.target().value())
                  + " "
                  + relation.target();
      out.add(
          Map.of(
              "key",
              key,
              "type",
              relation.kindJson() + " " + relation.target().value(),
              "constraints",
              MarkdownText.inline(constraints)));
    }
    return out;
  }

  private List<Map<String, Object>> endpoints() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      String base = "/api/" + entity.name().kebabPlural();
      String name = entity.name().value();
      out.add(endpoint("GET", base, "List " + name + " rows"));
      String one = article(name) + " " + name;
      out.add(endpoint("POST", base, "Create " + one));
      out.add(endpoint("GET", base + "/{id}", "Read " + one));
      out.add(endpoint("PUT", base + "/{id}", "Replace " + one));
      out.add(endpoint("PATCH", base + "/{id}", "Change fields of " + one));
      out.add(endpoint("DELETE", base + "/{id}", "Delete " + one));
      for (RelationSpec relation : entity.relations()) {
        if (relation.kind() != RelationKind.MANY_TO_ONE) {
          String path = base + "/{id}/" + relation.name().kebab();
          out.add(endpoint("GET", path, "List the " + relation.target() + " rows of " + one));
        }
      }
    }
    return out;
  }

  /** "a" or "an" before an identifier, by its first letter. */
  static String article(String word) {
    return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  private static Map<String, Object> endpoint(String method, String path, String purpose) {
    return Map.of("method", method, "path", path, "purpose", purpose);
  }

  /** A JSON-shaped sample value as a Python literal. */
  static String literal(Object value) {
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return PythonLiterals.bool(b);
    }
    if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FlaskModel::literal).collect(Collectors.joining(", ", "[", "]"));
    }
    throw new IllegalArgumentException("no literal for " + value);
  }
}
