package io.backforge.activities.ai;

import java.util.List;

/**
 * The shape of a spec draft asked of a language model; untrusted until the spec validator has read
 * the spec built from it.
 *
 * @param name the project name
 * @param description one sentence
 * @param database the database
 * @param entities the entities
 */
public record SpecDraft(String name, String description, String database, List<Entity> entities) {

  /**
   * A drafted entity.
   *
   * @param name PascalCase name
   * @param description one line
   * @param fields the fields
   * @param relations the relations
   */
  public record Entity(
      String name, String description, List<Field> fields, List<Relation> relations) {}

  /**
   * A drafted field.
   *
   * @param name camelCase name
   * @param type a spec field type
   * @param required whether a value is required
   * @param unique whether values are unique
   * @param maxLength for strings, 0 for none
   * @param values for enums
   * @param description one line
   */
  public record Field(
      String name,
      String type,
      boolean required,
      boolean unique,
      Integer maxLength,
      List<String> values,
      String description) {}

  /**
   * A drafted relation.
   *
   * @param name camelCase name
   * @param kind many-to-one, one-to-many or many-to-many
   * @param target the target entity
   * @param required for many-to-one
   */
  public record Relation(String name, String kind, String target, boolean required) {}
}
