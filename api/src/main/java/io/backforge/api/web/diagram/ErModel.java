package io.backforge.api.web.diagram;

import java.util.List;

/**
 * What an entity-relationship diagram draws: entities with their fields and relations, names as the
 * user typed them (untrusted text, escaped wherever it is shown).
 *
 * @param entities the entities in declaration order; relations name their target by entity name
 */
public record ErModel(List<Entity> entities) {

  public ErModel {
    entities = List.copyOf(entities);
  }

  /** How many relations the entities declare. */
  public int relationCount() {
    return entities.stream().mapToInt(e -> e.relations().size()).sum();
  }

  /**
   * An entity drawn as a box.
   *
   * @param name the entity name
   * @param fields its scalar fields in declaration order
   * @param relations the relations it declares
   */
  public record Entity(String name, List<Field> fields, List<Relation> relations) {

    public Entity {
      fields = List.copyOf(fields);
      relations = List.copyOf(relations);
    }
  }

  /**
   * A line of an entity's box.
   *
   * @param name the field name
   * @param type the field type as spelled in specs
   * @param required whether a value must be given
   * @param unique whether values must differ between rows
   */
  public record Field(String name, String type, boolean required, boolean unique) {}

  /**
   * An edge from the declaring entity to its target.
   *
   * @param name the relation name
   * @param kind the kind as spelled in specs ({@code many-to-one}, ...)
   * @param target the name of an entity of the model
   */
  public record Relation(String name, String kind, String target) {}
}
