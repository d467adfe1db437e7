package io.backforge.templates.nestjs;

import static io.backforge.templates.nestjs.TsLiterals.string;

import io.backforge.templates.generate.GeneratedApi;
import io.backforge.templates.generate.MarkdownText;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The template model of one entity's source files: its TypeORM entity ({@code *.entity.ts}) and its
 * controller with the resource descriptor the shared CRUD service reads.
 */
final class EntityModel {

  private final EntitySpec entity;
  private final Relations relations;
  private final Columns columns;

  EntityModel(EntitySpec entity, Relations relations) {
    this.entity = entity;
    this.relations = relations;
    this.columns = new Columns(entity);
  }

  /** The names every template that mentions the entity uses. */
  static Map<String, Object> names(EntitySpec entity) {
    Map<String, Object> m = new LinkedHashMap<>();
    String basePath = GeneratedApi.collectionPath(entity);
    m.put("entityName", entity.name().value());
    m.put("nameLiteral", string(entity.name().value()));
    m.put("className", TsNames.entityClass(entity.name()));
    m.put("controllerName", TsNames.controllerClass(entity.name()));
    m.put("constName", TsNames.resourceConstant(entity.name()));
    m.put("stem", TsNames.stem(entity.name()));
    m.put("basePath", basePath);
    m.put("basePathLiteral", string(basePath));
    m.put("createName", "create" + entity.name().pascal());
    m.put("payloadName", "payload" + entity.name().pascal());
    m.put("samplesName", TsNames.resourceConstant(entity.name()) + "_SAMPLES");
    m.put("descriptionMarkdown", MarkdownText.inline(entity.description()));
    m.put("hasDescription", !MarkdownText.inline(entity.description()).isEmpty());
    return m;
  }

  Map<String, Object> model() {
    Map<String, Object> m = names(entity);
    String table = columns.table();
    m.put("docLine", docLine());
    m.put("tableLiteral", string(table));
    m.put("pkLiteral", string(columns.primaryKey()));
    m.put("routeLiteral", string(GeneratedApi.collectionPath(entity).substring(1)));
    entityFile(m);
    descriptors(m);
    m.put("linkedRoutes", linkedRoutes());
    m.put("readmeRows", ReadmeRows.of(entity, relations));
    return m;
  }

  private String docLine() {
    String description = entity.description();
    String line =
        description == null || description.isBlank()
            ? "Rows of the " + columns.table() + " table."
            : description.strip().replaceAll("\\s+", " ") + " (table " + columns.table() + ").";
    return line.replace("*/", "* /").replaceAll("[^\\x20-\\x7e]", "?");
  }

  private void entityFile(Map<String, Object> m) {
    TreeSet<String> imports = new TreeSet<>(List.of("Entity", "PrimaryGeneratedColumn"));
    List<String> decorators = new ArrayList<>();
    List<String> members = new ArrayList<>();
    String table = columns.table();
    for (FieldSpec field : entity.fields()) {
      if (field.unique()) {
        imports.add("Unique");
        decorators.add(
            "@Unique("
                + string(Columns.unique(table, field.name().snake()))
                + ", ["
                + string(TsNames.property(field.name()))
                + "])");
      }
    }
    for (Columns.Check check : columns.checks()) {
      imports.add("Check");
      decorators.add(
          "@Check("
              + string(check.name())
              + ", "
              + string("\"" + check.column() + "\" " + check.condition())
              + ")");
    }
    List<Map<String, Object>> entityImports = new ArrayList<>();
    TreeSet<String> columnsImports = new TreeSet<>(List.of("TimestampColumn"));
    TreeSet<String> imported = new TreeSet<>();
    for (FieldSpec field : entity.fields()) {
      switch (field.type()) {
        case DATETIME -> {}
        case TEXT -> columnsImports.add("TextColumn");
        default -> imports.add("Column");
      }
      members.add(Columns.entityMember(field));
    }
    for (RelationSpec relation : columns.manyToOne()) {
      imports.addAll(List.of("Column", "Index", "JoinColumn", "ManyToOne"));
      String column = Columns.joinColumn(relation);
      String key = GeneratedApi.toOneKey(relation);
      EntitySpec target = relations.target(relation);
      String targetClass = TsNames.entityClass(target.name());
      decorators.add("@Index(" + string(Columns.index(table, column)) + ", [" + string(key) + "])");
      boolean nullable = !relation.required();
      members.add(
          "  @Column({ name: "
              + string(column)
              + ", type: \"integer\", nullable: "
              + nullable
              + " })\n  "
              + key
              + "!: number"
              + (nullable ? " | null" : "")
              + ";");
      members.add(
          "  @ManyToOne(() => "
              + targetClass
              + ", { nullable: "
              + nullable
              + ", onDelete: \"NO ACTION\" })\n  @JoinColumn({ name: "
              + string(column)
              + ", foreignKeyConstraintName: "
              + string(Columns.foreignKey(table, column))
              + " })\n  "
              + TsNames.property(relation.name())
              + "?: Relation<"
              + targetClass
              + ">;");
      if (!target.name().equals(entity.name()) && imported.add(targetClass)) {
        String stem = TsNames.stem(target.name());
        entityImports.add(
            Map.of("className", targetClass, "path", "../" + stem + "/" + stem + ".entity.js"));
      }
    }
    List<String> typeormImports = new ArrayList<>(imports);
    if (!columns.manyToOne().isEmpty()) {
      typeormImports.add("type Relation");
    }
    m.put("typeormImports", String.join(", ", typeormImports));
    m.put("entityImports", entityImports);
    m.put("columnsImports", String.join(", ", columnsImports));
    m.put("classDecorators", decorators);
    m.put("members", members);
  }

  private void descriptors(Map<String, Object> m) {
    List<String> fields = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      fields.add(fieldDescriptor(field));
    }
    m.put("fieldDescriptors", fields);
    List<String> toOne = new ArrayList<>();
    for (RelationSpec relation : columns.manyToOne()) {
      toOne.add(
          "{ key: "
              + string(GeneratedApi.toOneKey(relation))
              + ", target: "
              + string(relation.target().value())
              + (relation.required() ? ", required: true" : "")
              + " }");
    }
    m.put("toOneDescriptors", String.join(", ", toOne));
    List<String> inbound = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_ONE)) {
      inbound.add(
          "{ source: "
              + string(owned.owner().name().value())
              + ", key: "
              + string(GeneratedApi.toOneKey(owned.relation()))
              + " }");
    }
    m.put("inboundDescriptors", String.join(", ", inbound));
    List<String> toMany = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      List<String> link = Relations.associationColumns(entity, relation);
      toMany.add(
          "{ key: "
              + string(GeneratedApi.toManyKey(relation))
              + ", target: "
              + string(relation.target().value())
              + ", table: "
              + string(Relations.associationTable(entity, relation))
              + ", ownerColumn: "
              + string(link.get(0))
              + ", targetColumn: "
              + string(link.get(1))
              + " }");
    }
    m.put("toManyDescriptors", String.join(", ", toMany));
    List<String> inboundMany = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_MANY)) {
      inboundMany.add(
          "{ table: "
              + string(Relations.associationTable(owned.owner(), owned.relation()))
              + ", column: "
              + string(Relations.associationColumns(owned.owner(), owned.relation()).get(1))
              + " }");
    }
    m.put("inboundManyDescriptors", String.join(", ", inboundMany));
  }

  private static String fieldDescriptor(FieldSpec field) {
    StringBuilder out = new StringBuilder("{ key: ").append(string(field.name().camel()));
    if (!TsNames.property(field.name()).equals(field.name().camel())) {
      out.append(", property: ").append(string(TsNames.property(field.name())));
    }
    out.append(", kind: ").append(string(field.type().json()));
    if (field.required()) {
      out.append(", required: true");
    }
    if (field.unique()) {
      out.append(", unique: true");
    }
    if (field.minLength() != null) {
      out.append(", minLength: ").append(field.minLength());
    }
    if (field.maxLength() != null) {
      out.append(", maxLength: ").append(field.maxLength());
    }
    if (field.pattern() != null) {
      out.append(", pattern: new RegExp(")
          .append(string("^(?:" + field.pattern() + ")$"))
          .append(", \"u\")");
    }
    if (field.min() != null) {
      out.append(", min: ").append(string(field.min().toPlainString()));
    }
    if (field.max() != null) {
      out.append(", max: ").append(string(field.max().toPlainString()));
    }
    if (!field.values().isEmpty()) {
      out.append(", values: [").append(TsLiterals.strings(field.values())).append("]");
    }
    return out.append(" }").toString();
  }

  /** The {@code /{id}/<relation>} routes of many-to-many and of one-to-many with an inverse. */
  private List<Map<String, Object>> linkedRoutes() {
    List<Map<String, Object>> out = new ArrayList<>();
    String resource = TsNames.resourceConstant(entity.name());
    for (RelationSpec relation : entity.relations()) {
      String call;
      if (relation.kind() == RelationKind.MANY_TO_MANY) {
        call =
            "this.crud.listLinked("
                + resource
                + ", id, request, "
                + string(GeneratedApi.toManyKey(relation))
                + ")";
      } else if (relation.kind() == RelationKind.ONE_TO_MANY) {
        var inverse = relations.inverse(entity, relation);
        if (inverse.isEmpty()) {
          continue;
        }
        call =
            "this.crud.listReferencing("
                + resource
                + ", id, request, "
                + string(relation.target().value())
                + ", "
                + string(GeneratedApi.toOneKey(inverse.get()))
                + ")";
      } else {
        continue;
      }
      out.add(
          Map.of(
              "routeLiteral",
              string(":id/" + relation.name().kebab()),
              "methodName",
              "list" + relation.name().pascal(),
              "call",
              call));
    }
    return out;
  }
}
