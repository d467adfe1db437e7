package io.backforge.templates.spec;

import java.util.List;

/**
 * What the first pass could read of one entity, kept for the checks between entities.
 *
 * @param at where the entity is
 * @param declaredName the name as written when it is a string, even a bad one, so that relations to
 *     it do not report a second problem
 * @param name the checked name, or {@code null} when it has problems
 * @param description the description, or {@code null}
 * @param fields the fields without problems
 * @param relations the relations as read
 * @param unique the unique groups as written (member names), each a list of at least two strings
 */
record EntityDraft(
    Pointer at,
    String declaredName,
    Identifier name,
    String description,
    List<FieldSpec> fields,
    List<RelationDraft> relations,
    List<List<String>> unique) {

  EntityDraft {
    fields = List.copyOf(fields);
    relations = List.copyOf(relations);
    unique = List.copyOf(unique);
  }

  /**
   * What the first pass could read of one relation.
   *
   * @param at where the relation is
   * @param name the checked name, or {@code null}
   * @param kind the kind, or {@code null}
   * @param target the target entity name as written, or {@code null}
   * @param required whether the relation is required
   * @param mappedBy the inverse relation name as written, or {@code null}
   * @param onDelete the delete rule as read, or {@code null} when not given or unknown
   * @param oneToOne whether the kind was {@code one-to-one} (read as a unique many-to-one)
   */
  record RelationDraft(
      Pointer at,
      Identifier name,
      RelationKind kind,
      String target,
      boolean required,
      String mappedBy,
      DeleteRule onDelete,
      boolean oneToOne) {}
}
