package io.backforge.templates.spec;

import java.util.List;

/**
 * One entity of a spec: a table, a model class and a set of CRUD endpoints in the generated
 * project.
 *
 * @param name the entity name in PascalCase
 * @param description optional free text
 * @param fields the scalar fields in declaration order
 * @param relations the relations this entity declares
 * @param unique its unique constraints over several members, in the order given
 */
public record EntitySpec(
    Identifier name,
    String description,
    List<FieldSpec> fields,
    List<RelationSpec> relations,
    List<UniqueGroup> unique) {

  public EntitySpec {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
    unique = unique == null ? List.of() : List.copyOf(unique);
  }

  /** An entity without unique constraints over several members. */
  public EntitySpec(
      Identifier name, String description, List<FieldSpec> fields, List<RelationSpec> relations) {
    this(name, description, fields, relations, List.of());
  }

  /** This entity with {@code description} and {@code fields} instead of its own. */
  public EntitySpec with(String description, List<FieldSpec> fields) {
    return new EntitySpec(name, description, fields, relations, unique);
  }
}
