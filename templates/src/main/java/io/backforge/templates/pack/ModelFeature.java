package io.backforge.templates.pack;

/**
 * Parts of the spec's model that a stack pack may support or not yet: a spec that uses one its
 * stack's pack lacks is refused by the validator, naming the property and the stacks that have it.
 */
public enum ModelFeature {
  /** {@code "default"} on fields: the value a create takes when the property is absent. */
  FIELD_DEFAULTS("field defaults"),

  /** {@code "onDelete": "cascade"} or {@code "set-null"} on many-to-one relations. */
  DELETE_RULES("delete rules other than restrict"),

  /** {@code "kind": "one-to-one"}: a unique foreign key. */
  ONE_TO_ONE("one-to-one relations"),

  /** {@code "unique": [["a", "b"]]} on entities: unique constraints over several members. */
  COMPOSITE_UNIQUE("unique groups over several fields");

  private final String title;

  ModelFeature(String title) {
    this.title = title;
  }

  /** What it is, for people: {@code field defaults}. */
  public String title() {
    return title;
  }
}
