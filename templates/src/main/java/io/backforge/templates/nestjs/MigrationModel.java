package io.backforge.templates.nestjs;

import static io.backforge.templates.nestjs.TsLiterals.string;

import io.backforge.templates.relational.Relations;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template model of the initial migration: the entity tables with every referenced table
 * created first (a foreign key that closes a cycle is added once both tables exist), then the
 * association tables of many-to-many relations; {@code down} drops the late foreign keys, then
 * every table in reverse order.
 */
final class MigrationModel {

  private final ProjectSpec spec;
  private final Relations relations;

  MigrationModel(ProjectSpec spec, Relations relations) {
    this.spec = spec;
    this.relations = relations;
  }

  /** The tables in creation order, children first reversed: the order the tests empty them in. */
  List<String> creationOrder() {
    List<String> out = new ArrayList<>();
    for (EntitySpec entity : entityOrder()) {
      out.add(Columns.table(entity));
    }
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : Relations.ofKind(owner, RelationKind.MANY_TO_MANY)) {
        out.add(Relations.associationTable(owner, relation));
      }
    }
    return out;
  }

  Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> tables = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    List<String> dropDeferred = new ArrayList<>();
    Set<String> created = new HashSet<>();
    for (EntitySpec entity : entityOrder()) {
      String table = Columns.table(entity);
      created.add(table);
      Columns columns = new Columns(entity);
      List<String> cols = new ArrayList<>();
      cols.add("{ ...id(), primaryKeyConstraintName: " + string(columns.primaryKey()) + " }");
      List<String> uniques = new ArrayList<>();
      for (FieldSpec field : entity.fields()) {
        cols.add(Columns.migrationColumn(field));
        if (field.unique()) {
          String column = field.name().snake();
          uniques.add(
              "new TableUnique({ name: "
                  + string(Columns.unique(table, column))
                  + ", columnNames: ["
                  + string(column)
                  + "] })");
        }
      }
      List<String> foreignKeys = new ArrayList<>();
      List<String> indexes = new ArrayList<>();
      for (RelationSpec relation : columns.manyToOne()) {
        String column = Columns.joinColumn(relation);
        cols.add(
            "{ name: "
                + string(column)
                + ", type: \"integer\", isNullable: "
                + !relation.required()
                + " }");
        String target = Columns.table(relations.target(relation));
        String fk = foreignKey(table, column, target);
        if (created.contains(target)) {
          foreignKeys.add(fk);
        } else {
          deferred.add(string(table) + ", " + fk);
          dropDeferred.add(string(table) + ", " + string(Columns.foreignKey(table, column)));
        }
        indexes.add(
            "new TableIndex({ name: "
                + string(Columns.index(table, column))
                + ", columnNames: ["
                + string(column)
                + "] })");
      }
      cols.add("t.timestamp(\"created_at\")");
      cols.add("t.timestamp(\"updated_at\")");
      List<String> checks = new ArrayList<>();
      for (Columns.Check check : columns.checks()) {
        checks.add(
            "new TableCheck({ name: "
                + string(check.name())
                + ", expression: `${q("
                + string(check.column())
                + ")} "
                + check.condition().replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
                + "` })");
      }
      tables.add(table(table, cols, uniques, checks, foreignKeys, indexes));
    }
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : Relations.ofKind(owner, RelationKind.MANY_TO_MANY)) {
        String table = Relations.associationTable(owner, relation);
        List<String> link = Relations.associationColumns(owner, relation);
        List<String> targets =
            List.of(Columns.table(owner), Columns.table(relations.target(relation)));
        List<String> cols = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          cols.add(
              "{ name: "
                  + string(link.get(i))
                  + ", type: \"integer\", isPrimary: true, isNullable: false, primaryKeyConstraintName: "
                  + string(io.backforge.templates.relational.SqlNames.constraint("pk_" + table))
                  + " }");
          foreignKeys.add(foreignKey(table, link.get(i), targets.get(i)));
        }
        tables.add(table(table, cols, List.of(), List.of(), foreignKeys, List.of()));
      }
    }
    m.put("tables", tables);
    m.put("deferredForeignKeys", deferred);
    List<String> drops = new ArrayList<>();
    List<String> order = new ArrayList<>(creationOrder());
    java.util.Collections.reverse(order);
    for (String table : order) {
      drops.add(string(table));
    }
    if (spec.features().auth() == io.backforge.templates.spec.Auth.JWT) {
      drops.add(string("auth_accounts"));
    }
    m.put("dropDeferred", dropDeferred);
    m.put("migrationImports", String.join(", ", imports(tables, !deferred.isEmpty())));
    m.put("dropOrder", drops);
    return m;
  }

  private List<String> imports(List<Map<String, Object>> tables, boolean deferred) {
    java.util.TreeSet<String> out =
        new java.util.TreeSet<>(
            List.of("MigrationInterface", "QueryRunner", "Table", "TableColumnOptions"));
    if (spec.features().auth() == io.backforge.templates.spec.Auth.JWT) {
      out.add("TableUnique");
    }
    if (deferred) {
      out.add("TableForeignKey");
    }
    for (Map<String, Object> table : tables) {
      addIf(out, table, "hasUniques", "TableUnique");
      addIf(out, table, "hasChecks", "TableCheck");
      addIf(out, table, "hasForeignKeys", "TableForeignKey");
      addIf(out, table, "hasIndexes", "TableIndex");
    }
    return List.copyOf(out);
  }

  private static void addIf(
      java.util.Set<String> out, Map<String, Object> table, String flag, String name) {
    if (Boolean.TRUE.equals(table.get(flag))) {
      out.add(name);
    }
  }

  private static String foreignKey(String table, String column, String target) {
    return "new TableForeignKey({ name: "
        + string(Columns.foreignKey(table, column))
        + ", columnNames: ["
        + string(column)
        + "], referencedTableName: "
        + string(target)
        + ", referencedColumnNames: [\"id\"], onDelete: \"NO ACTION\", onUpdate: \"NO ACTION\" })";
  }

  private static Map<String, Object> table(
      String name,
      List<String> columns,
      List<String> uniques,
      List<String> checks,
      List<String> foreignKeys,
      List<String> indexes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tableLiteral", string(name));
    m.put("columns", columns);
    m.put("uniques", uniques);
    m.put("hasUniques", !uniques.isEmpty());
    m.put("checks", checks);
    m.put("hasChecks", !checks.isEmpty());
    m.put("foreignKeys", foreignKeys);
    m.put("hasForeignKeys", !foreignKeys.isEmpty());
    m.put("indexes", indexes);
    m.put("hasIndexes", !indexes.isEmpty());
    return m;
  }

  /** The entities in creation order: every referenced table before the tables pointing at it. */
  private List<EntitySpec> entityOrder() {
    List<EntitySpec> pending = new ArrayList<>(spec.entities());
    List<EntitySpec> out = new ArrayList<>();
    Set<String> created = new HashSet<>();
    while (!pending.isEmpty()) {
      EntitySpec next =
          pending.stream()
              .filter(e -> created.containsAll(referenced(e)))
              .findFirst()
              .orElse(pending.get(0));
      pending.remove(next);
      out.add(next);
      created.add(Columns.table(next));
    }
    return out;
  }

  private Set<String> referenced(EntitySpec entity) {
    Set<String> out = new HashSet<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      EntitySpec target = relations.target(relation);
      if (!target.name().equals(entity.name())) {
        out.add(Columns.table(target));
      }
    }
    return out;
  }
}
