package io.backforge.templates.enrich;

import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which sample rows are inserted: every entity after the targets of its many-to-one
 * relations, ties in declaration order. Entities on a cycle of relations come last, in declaration
 * order; a sample row may only reference a row inserted before it.
 */
public final class SeedOrder {

  private SeedOrder() {}

  /** The entities of {@code spec} in insertion order. */
  public static List<EntitySpec> of(ProjectSpec spec) {
    Set<String> placed = new LinkedHashSet<>();
    List<EntitySpec> order = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (EntitySpec entity : spec.entities()) {
        String name = entity.name().value();
        if (!placed.contains(name) && targetsPlaced(entity, placed)) {
          placed.add(name);
          order.add(entity);
          progress = true;
          break;
        }
      }
    }
    for (EntitySpec entity : spec.entities()) {
      if (placed.add(entity.name().value())) {
        order.add(entity);
      }
    }
    return List.copyOf(order);
  }

  private static boolean targetsPlaced(EntitySpec entity, Set<String> placed) {
    for (RelationSpec relation : entity.relations()) {
      String target = relation.target().value();
      if (relation.kind() == RelationKind.MANY_TO_ONE
          && !target.equals(entity.name().value())
          && !placed.contains(target)) {
        return false;
      }
    }
    return true;
  }
}
