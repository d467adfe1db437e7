package io.backforge.templates.flask;

import static io.backforge.templates.flask.PythonLiterals.string;

import io.backforge.templates.relational.Relations;
import io.backforge.templates.relational.SqlNames;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import io.backforge.templates.spec.UniqueGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database schema of a generated project, shared by the SQLAlchemy models and the initial
 * Alembic migration so that both name every table, column, constraint and index the same way.
 * Tables come in foreign-key order; a reference that closes a cycle (only optional many-to-one
 * relations can) is added after every table exists, except on SQLite, which takes forward
 * references in {@code CREATE TABLE} but cannot add a constraint to an existing table.
 */
final class Schema {

  /**
   * A column of an entity table.
   *
   * @param name the column name
   * @param type the SQLAlchemy type expression (module alias {@code _sa})
   * @param nullable whether it takes NULL
   * @param attribute the model attribute that maps it ({@link PythonNames#attribute})
   * @param serverDefault the SQLAlchemy expression of its {@code DEFAULT}, or {@code null}
   */
  record Column(
      String name, String type, boolean nullable, String attribute, String serverDefault) {}

  /**
   * A foreign key from one column to {@code <target>.id}.
   *
   * @param table the table holding the column
   * @param column the column
   * @param target the referenced table
   * @param name the constraint name
   * @param onDelete its {@code ON DELETE} action ({@code CASCADE}, {@code SET NULL}), or {@code
   *     null} for the database's default, which refuses the delete
   */
  record ForeignKey(String table, String column, String target, String name, String onDelete) {

    /** The keyword argument that gives SQLAlchemy the action: {@code , ondelete="CASCADE"}. */
    String onDeleteArgument() {
      return onDelete == null ? "" : ", ondelete=" + string(onDelete);
    }
  }

  private final ProjectSpec spec;
  private final Relations relations;
  private final boolean jwt;

  Schema(ProjectSpec spec, Relations relations, boolean jwt) {
    this.spec = spec;
    this.relations = relations;
    this.jwt = jwt;
  }

  static String table(EntitySpec entity) {
    return entity.name().snakePlural();
  }

  static String uniqueName(String table, String column) {
    return SqlNames.constraint("uq_" + table + "_" + column);
  }

  static String indexName(String table, String column) {
    return SqlNames.constraint("ix_" + table + "_" + column);
  }

  static String foreignKeyName(String table, String column) {
    return SqlNames.constraint("fk_" + table + "_" + column);
  }

  /** The field and many-to-one columns of an entity, in model order. */
  List<Column> columns(EntitySpec entity) {
    List<Column> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      out.add(
          new Column(
              field.name().snake(),
              FlaskModel.columnType(field, table(entity), field.name().snake()),
              field.nullable(),
              PythonNames.attribute(field.name()),
              serverDefault(field)));
    }
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String column = relation.name().snake() + "_id";
      out.add(new Column(column, "_sa.Integer()", !relation.required(), column, null));
    }
    return out;
  }

  /**
   * The column default of a field with one, the same in every database: numbers as SQL text,
   * booleans as SQLAlchemy's {@code true()}/{@code false()} (TRUE or 1 by dialect), other values as
   * a quoted literal.
   */
  private static String serverDefault(FieldSpec field) {
    String value = field.defaultValue();
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case INTEGER, LONG, DECIMAL -> "_sa.text(" + string(value) + ")";
      case BOOLEAN -> Boolean.parseBoolean(value) ? "_sa.true()" : "_sa.false()";
      default -> string(value);
    };
  }

  List<ForeignKey> foreignKeys(EntitySpec entity) {
    List<ForeignKey> out = new ArrayList<>();
    String table = table(entity);
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String column = relation.name().snake() + "_id";
      out.add(
          new ForeignKey(
              table,
              column,
              table(relations.target(relation)),
              foreignKeyName(table, column),
              switch (relation.onDelete()) {
                case RESTRICT -> null;
                case CASCADE -> "CASCADE";
                case SET_NULL -> "SET NULL";
              }));
    }
    return out;
  }

  /**
   * Check constraints of an entity as calls of the {@code _at_least} and {@code _at_most} helpers
   * that the models and the migration define: they build the condition as an SQLAlchemy expression
   * rather than SQL text, so each dialect quotes the column name where it reserves it.
   */
  List<String> checks(EntitySpec entity) {
    List<String> out = new ArrayList<>();
    String table = table(entity);
    for (FieldSpec field : entity.fields()) {
      String column = field.name().snake();
      if (field.min() != null) {
        out.add(check(column, ">=", field.min().toPlainString(), table, "min"));
      }
      if (field.max() != null) {
        out.add(check(column, "<=", field.max().toPlainString(), table, "max"));
      }
    }
    return out;
  }

  private static String check(
      String column, String operator, String bound, String table, String kind) {
    String name = SqlNames.constraint("ck_" + table + "_" + column + "_" + kind);
    String helper = operator.equals(">=") ? "_at_least" : "_at_most";
    return helper + "(" + string(column) + ", " + string(bound) + ", " + string(name) + ")";
  }

  /**
   * Unique constraints of an entity as {@code _sa.UniqueConstraint(...)} expressions: its unique
   * fields, the columns of its one-to-one relations, then its unique groups.
   */
  List<String> uniques(EntitySpec entity) {
    String table = table(entity);
    List<String> out = new ArrayList<>(singleUniques(entity, table));
    for (UniqueGroup group : entity.unique()) {
      out.add(
          "_sa.UniqueConstraint("
              + Relations.uniqueColumns(entity, group).stream()
                  .map(PythonLiterals::string)
                  .collect(Collectors.joining(", "))
              + ", name="
              + string(Relations.uniqueGroupName(table, entity, group))
              + ")");
    }
    return out;
  }

  private static List<String> singleUniques(EntitySpec entity, String table) {
    return java.util.stream.Stream.concat(
            entity.fields().stream().filter(FieldSpec::unique).map(f -> f.name().snake()),
            Relations.ofKind(entity, RelationKind.MANY_TO_ONE).stream()
                .filter(RelationSpec::unique)
                .map(r -> r.name().snake() + "_id"))
        .map(
            c ->
                "_sa.UniqueConstraint("
                    + string(c)
                    + ", name="
                    + string(uniqueName(table, c))
                    + ")")
        .toList();
  }

  /** Indexes of an entity (one per many-to-one column) as {@code _sa.Index(...)} expressions. */
  List<String> indexes(EntitySpec entity) {
    String table = table(entity);
    return foreignKeys(entity).stream()
        .map(
            fk ->
                "_sa.Index("
                    + string(indexName(table, fk.column()))
                    + ", "
                    + string(fk.column())
                    + ")")
        .toList();
  }

  /** The entities in creation order: every referenced table before the tables pointing at it. */
  List<EntitySpec> creationOrder() {
    List<EntitySpec> pending = new ArrayList<>(spec.entities());
    List<EntitySpec> out = new ArrayList<>();
    Set<String> created = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      EntitySpec next =
          pending.stream()
              .filter(e -> created.containsAll(referencedTables(e)))
              .findFirst()
              .orElse(pending.get(0));
      pending.remove(next);
      out.add(next);
      created.add(table(next));
    }
    return out;
  }

  private Set<String> referencedTables(EntitySpec entity) {
    return foreignKeys(entity).stream()
        .map(ForeignKey::target)
        .filter(t -> !t.equals(table(entity)))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Names of the foreign keys that close a cycle, so are added after the tables exist. */
  Set<String> deferredForeignKeys() {
    Set<String> created = new LinkedHashSet<>();
    Set<String> out = new LinkedHashSet<>();
    for (EntitySpec entity : creationOrder()) {
      created.add(table(entity));
      for (ForeignKey fk : foreignKeys(entity)) {
        if (!created.contains(fk.target())) {
          out.add(fk.name());
        }
      }
    }
    return out;
  }

  /** The template model of {@code migrations/versions/0001_initial.py}. */
  Map<String, Object> migration() {
    List<String> creates = new ArrayList<>();
    List<String> deferred = new ArrayList<>();
    List<String> undeferred = new ArrayList<>();
    List<String> dropOrder = new ArrayList<>();
    Set<String> created = new LinkedHashSet<>();
    if (jwt) {
      creates.add(
          "op.create_table(\"auth_accounts\", _sa.Column(\"id\", _sa.Integer(), nullable=False),"
              + " _sa.Column(\"email\", _sa.String(255), nullable=False),"
              + " _sa.Column(\"password_hash\", _sa.String(255), nullable=False),"
              + " _sa.PrimaryKeyConstraint(\"id\"),"
              + " _sa.UniqueConstraint(\"email\", name=\"uq_auth_accounts_email\"))");
      dropOrder.add("auth_accounts");
    }
    for (EntitySpec entity : creationOrder()) {
      String table = table(entity);
      created.add(table);
      List<String> parts = new ArrayList<>();
      parts.add(string(table));
      parts.add("_sa.Column(\"id\", _sa.Integer(), nullable=False)");
      for (Column column : columns(entity)) {
        parts.add(
            "_sa.Column("
                + string(column.name())
                + ", "
                + column.type()
                + ", nullable="
                + PythonLiterals.bool(column.nullable())
                + (column.serverDefault() == null
                    ? ""
                    : ", server_default=" + column.serverDefault())
                + ")");
      }
      parts.add("_sa.Column(\"created_at\", _DateTime, nullable=False)");
      parts.add("_sa.Column(\"updated_at\", _DateTime, nullable=False)");
      parts.add("_sa.PrimaryKeyConstraint(\"id\")");
      for (ForeignKey fk : foreignKeys(entity)) {
        String constraint =
            "_sa.ForeignKeyConstraint(["
                + string(fk.column())
                + "], ["
                + string(fk.target() + ".id")
                + "], name="
                + string(fk.name())
                + fk.onDeleteArgument()
                + ")";
        if (created.contains(fk.target())) {
          parts.add(constraint);
        } else {
          parts.add("*_on_sqlite(" + constraint + ")");
          deferred.add(
              "op.create_foreign_key("
                  + String.join(
                      ", ",
                      string(fk.name()),
                      string(fk.table()),
                      string(fk.target()),
                      "[" + string(fk.column()) + "]",
                      "[\"id\"]")
                  + fk.onDeleteArgument()
                  + ")");
          undeferred.add(
              "op.drop_constraint("
                  + string(fk.name())
                  + ", "
                  + string(fk.table())
                  + ", type_=\"foreignkey\")");
        }
      }
      parts.addAll(uniques(entity));
      parts.addAll(checks(entity));
      creates.add("op.create_table(" + String.join(", ", parts) + ")");
      for (ForeignKey fk : foreignKeys(entity)) {
        creates.add(
            "op.create_index("
                + string(indexName(table, fk.column()))
                + ", "
                + string(table)
                + ", ["
                + string(fk.column())
                + "])");
      }
      dropOrder.add(table);
    }
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : Relations.ofKind(owner, RelationKind.MANY_TO_MANY)) {
        creates.add(
            "op.create_table(" + String.join(", ", associationParts(owner, relation)) + ")");
        dropOrder.add(Relations.associationTable(owner, relation));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("creates", creates);
    m.put("deferred", deferred);
    m.put("undeferred", undeferred);
    m.put("hasDeferred", !deferred.isEmpty());
    List<String> drops = new ArrayList<>();
    for (int i = dropOrder.size() - 1; i >= 0; i--) {
      drops.add("op.drop_table(" + string(dropOrder.get(i)) + ")");
    }
    m.put("drops", drops);
    return m;
  }

  /** The association table of a many-to-many relation as {@code _db.Table} arguments. */
  List<String> associationParts(EntitySpec owner, RelationSpec relation) {
    String table = Relations.associationTable(owner, relation);
    List<String> columns = Relations.associationColumns(owner, relation);
    List<String> targets = List.of(table(owner), table(relations.target(relation)));
    List<String> parts = new ArrayList<>();
    parts.add(string(table));
    for (int i = 0; i < 2; i++) {
      parts.add("_sa.Column(" + string(columns.get(i)) + ", _sa.Integer(), nullable=False)");
    }
    parts.add(
        "_sa.PrimaryKeyConstraint(" + string(columns.get(0)) + ", " + string(columns.get(1)) + ")");
    for (int i = 0; i < 2; i++) {
      parts.add(
          "_sa.ForeignKeyConstraint(["
              + string(columns.get(i))
              + "], ["
              + string(targets.get(i) + ".id")
              + "], name="
              + string(foreignKeyName(table, columns.get(i)))
              + ")");
    }
    return parts;
  }
}
