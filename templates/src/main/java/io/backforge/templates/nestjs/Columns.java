package io.backforge.templates.nestjs;

import static io.backforge.templates.nestjs.TsLiterals.string;

import io.backforge.templates.relational.Relations;
import io.backforge.templates.relational.SqlNames;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns and constraints of one entity's table, as the TypeORM entity declares them and as the
 * migration creates them: the same names ({@code pk_}, {@code uq_}, {@code ck_..._min/max/enum},
 * {@code fk_}, {@code ix_}, shortened by {@link SqlNames}) and the same check expressions.
 */
final class Columns {

  /**
   * A check constraint.
   *
   * @param name its name
   * @param column the column it constrains
   * @param condition the SQL after the quoted column: {@code >= 0}, {@code IN ('a', 'b')}
   */
  record Check(String name, String column, String condition) {}

  private final EntitySpec entity;

  Columns(EntitySpec entity) {
    this.entity = entity;
  }

  String table() {
    return entity.name().snakePlural();
  }

  static String table(EntitySpec entity) {
    return entity.name().snakePlural();
  }

  String primaryKey() {
    return SqlNames.constraint("pk_" + table());
  }

  static String unique(String table, String column) {
    return SqlNames.constraint("uq_" + table + "_" + column);
  }

  static String index(String table, String column) {
    return SqlNames.constraint("ix_" + table + "_" + column);
  }

  static String foreignKey(String table, String column) {
    return SqlNames.constraint("fk_" + table + "_" + column);
  }

  /** The column of a many-to-one relation. */
  static String joinColumn(RelationSpec relation) {
    return relation.name().snake() + "_id";
  }

  List<RelationSpec> manyToOne() {
    return Relations.ofKind(entity, RelationKind.MANY_TO_ONE);
  }

  /** Bounds and enum values, in field order. */
  List<Check> checks() {
    List<Check> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      String column = field.name().snake();
      if (field.min() != null) {
        out.add(check(column, "min", ">= " + field.min().toPlainString()));
      }
      if (field.max() != null) {
        out.add(check(column, "max", "<= " + field.max().toPlainString()));
      }
      if (field.type() == FieldType.ENUM) {
        String values =
            field.values().stream()
                .map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        out.add(check(column, "enum", "IN (" + values + ")"));
      }
    }
    return out;
  }

  private Check check(String column, String kind, String condition) {
    return new Check(
        SqlNames.constraint("ck_" + table() + "_" + column + "_" + kind), column, condition);
  }

  /** The length of a varchar column of {@code field}, or {@code null} for other types. */
  static Integer varcharLength(FieldSpec field) {
    return switch (field.type()) {
      case STRING -> SampleValues.maxLength(field);
      case UUID -> 36;
      case ENUM -> field.values().stream().mapToInt(String::length).max().orElse(1);
      default -> null;
    };
  }

  /** The migration's column options of {@code field}, as a TypeScript object literal. */
  static String migrationColumn(FieldSpec field) {
    String name = string(field.name().snake());
    String nullable = "isNullable: " + !field.required();
    Integer length = varcharLength(field);
    if (length != null) {
      return "{ name: "
          + name
          + ", type: \"varchar\", length: \""
          + length
          + "\", "
          + nullable
          + " }";
    }
    return switch (field.type()) {
      case TEXT -> "{ name: " + name + ", type: t.text, " + nullable + " }";
      case DATETIME -> "{ ...t.timestamp(" + name + "), " + nullable + " }";
      case DECIMAL ->
          "{ name: "
              + name
              + ", type: \"decimal\", precision: "
              + SampleValues.DECIMAL_PRECISION
              + ", scale: "
              + SampleValues.DECIMAL_SCALE
              + ", "
              + nullable
              + " }";
      default ->
          "{ name: " + name + ", type: \"" + sqlType(field.type()) + "\", " + nullable + " }";
    };
  }

  /** The entity's decorator and property of {@code field}. */
  static String entityMember(FieldSpec field) {
    String name = string(field.name().snake());
    String property = TsNames.property(field.name());
    String type = tsType(field.type()) + (field.required() ? "" : " | null");
    String nullable = "nullable: " + !field.required();
    String decorator;
    Integer length = varcharLength(field);
    if (length != null) {
      decorator =
          "@Column({ name: "
              + name
              + ", type: \"varchar\", length: "
              + length
              + ", "
              + nullable
              + " })";
    } else if (field.type() == FieldType.TEXT) {
      decorator = "@TextColumn({ name: " + name + ", " + nullable + " })";
    } else if (field.type() == FieldType.DATETIME) {
      decorator = "@TimestampColumn({ name: " + name + ", " + nullable + " })";
    } else if (field.type() == FieldType.DECIMAL) {
      decorator =
          "@Column({ name: "
              + name
              + ", type: \"decimal\", precision: "
              + SampleValues.DECIMAL_PRECISION
              + ", scale: "
              + SampleValues.DECIMAL_SCALE
              + ", "
              + nullable
              + " })";
    } else {
      decorator =
          "@Column({ name: "
              + name
              + ", type: \""
              + sqlType(field.type())
              + "\", "
              + nullable
              + " })";
    }
    return "  " + decorator + "\n  " + property + "!: " + type + ";";
  }

  private static String sqlType(FieldType type) {
    return switch (type) {
      case TEXT -> "text";
      case INTEGER -> "integer";
      case LONG -> "bigint";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      default -> throw new IllegalArgumentException("no plain column type for " + type);
    };
  }

  private static String tsType(FieldType type) {
    return switch (type) {
      case INTEGER -> "number";
      case DECIMAL -> "string | number";
      case BOOLEAN -> "boolean";
      case DATETIME -> "Date";
      default -> "string";
    };
  }
}
