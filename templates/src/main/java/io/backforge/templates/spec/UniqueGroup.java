package io.backforge.templates.spec;

import java.util.List;

/**
 * A unique constraint over several members of one entity: no two rows may have the same values in
 * all of them (rows with a null member do not count, as in SQL).
 *
 * @param members fields and many-to-one or one-to-one relations of the entity, in the order given,
 *     at least two and all different
 */
public record UniqueGroup(List<Identifier> members) {

  /** Copies the members. */
  public UniqueGroup {
    members = List.copyOf(members);
  }
}
