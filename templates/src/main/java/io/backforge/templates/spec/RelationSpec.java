package io.backforge.templates.spec;

/**
 * A relation from the declaring entity to a target entity.
 *
 * @param name the relation name in camelCase (for many-to-one, the foreign key is {@code
 *     <name>_id})
 * @param kind the relation kind
 * @param target the name of the target entity, checked to exist
 * @param required for many-to-one: whether the reference must be set
 * @param mappedBy for one-to-many: the many-to-one relation of the target that points back to the
 *     declaring entity, always resolved by the validator; {@code null} for other kinds
 * @param onDelete for many-to-one: what deleting the target row does to the declaring rows that
 *     point at it; {@link DeleteRule#RESTRICT} for other kinds
 * @param unique for many-to-one: whether at most one row may point at each target row, which makes
 *     it the spec's {@code one-to-one}
 */
public record RelationSpec(
    Identifier name,
    RelationKind kind,
    Identifier target,
    boolean required,
    Identifier mappedBy,
    DeleteRule onDelete,
    boolean unique) {

  /** A relation whose rows need not be the only ones to point at a target. */
  public RelationSpec(
      Identifier name,
      RelationKind kind,
      Identifier target,
      boolean required,
      Identifier mappedBy,
      DeleteRule onDelete) {
    this(name, kind, target, required, mappedBy, onDelete, false);
  }

  /** Its kind as a spec spells it: {@code one-to-one} for a unique many-to-one. */
  public String kindJson() {
    return unique ? RelationKind.ONE_TO_ONE : kind.json();
  }

  /** A relation with the default delete rule, {@link DeleteRule#RESTRICT}. */
  public RelationSpec(
      Identifier name,
      RelationKind kind,
      Identifier target,
      boolean required,
      Identifier mappedBy) {
    this(name, kind, target, required, mappedBy, DeleteRule.RESTRICT);
  }

  /** A relation without an inverse: many-to-one or many-to-many. */
  public RelationSpec(Identifier name, RelationKind kind, Identifier target, boolean required) {
    this(name, kind, target, required, null);
  }
}
