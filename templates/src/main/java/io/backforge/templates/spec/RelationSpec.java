package io.backforge.templates.spec;

/**
 * A relation from the declaring entity to a target entity.
 *
 * @param name the relation name in camelCase (for many-to-one, the foreign key is {@code
 *     <name>_id})
 * @param kind the relation kind
 * @param target the name of the target entity, checked to exist
 * @param required for many-to-one: whether the reference must be set
 */
public record RelationSpec(
    Identifier name, RelationKind kind, Identifier target, boolean required) {}
