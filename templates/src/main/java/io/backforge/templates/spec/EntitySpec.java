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
 */
public record EntitySpec(
    Identifier name, String description, List<FieldSpec> fields, List<RelationSpec> relations) {

  public EntitySpec {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
  }
}
