package io.backforge.templates.relational;

import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.Identifier;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import io.backforge.templates.spec.UniqueGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relational model every stack shares, below the packs: who points at an entity, inverses of
 * one-to-many, and the association tables of many-to-many relations with their columns.
 */
public final class Relations {

  /**
   * A relation together with the entity that declares it.
   *
   * @param owner the declaring entity
   * @param relation the relation
   */
  public record Owned(EntitySpec owner, RelationSpec relation) {}

  private final ProjectSpec spec;

  /** The relations of {@code spec}. */
  public Relations(ProjectSpec spec) {
    this.spec = spec;
  }

  /** The entity {@code relation} points at. */
  public EntitySpec target(RelationSpec relation) {
    return spec.entity(relation.target().value())
        .orElseThrow(() -> new IllegalArgumentException("unknown entity " + relation.target()));
  }

  /** Relations of {@code kind}, in spec order, that point at {@code target}. */
  public List<Owned> pointingAt(EntitySpec target, RelationKind kind) {
    List<Owned> out = new ArrayList<>();
    for (EntitySpec owner : spec.entities()) {
      for (RelationSpec relation : owner.relations()) {
        if (relation.kind() == kind && relation.target().equals(target.name())) {
          out.add(new Owned(owner, relation));
        }
      }
    }
    return out;
  }

  /**
   * The many-to-one on the target of {@code oneToMany} that points back at {@code owner}: the one
   * named by {@code mappedBy} (the validator always resolves it), else the first one found.
   */
  public Optional<RelationSpec> inverse(EntitySpec owner, RelationSpec oneToMany) {
    return target(oneToMany).relations().stream()
        .filter(r -> r.kind() == RelationKind.MANY_TO_ONE && r.target().equals(owner.name()))
        .filter(r -> oneToMany.mappedBy() == null || r.name().equals(oneToMany.mappedBy()))
        .findFirst();
  }

  /** The relations of {@code entity} of {@code kind}, in spec order. */
  public static List<RelationSpec> ofKind(EntitySpec entity, RelationKind kind) {
    return entity.relations().stream().filter(r -> r.kind() == kind).toList();
  }

  /** The association table of a many-to-many relation. */
  public static String associationTable(EntitySpec owner, RelationSpec relation) {
    return owner.name().snake() + "_" + relation.name().snake();
  }

  /** The owner-side and target-side column of an association table. */
  public static List<String> associationColumns(EntitySpec owner, RelationSpec relation) {
    String left = owner.name().snake() + "_id";
    String right = relation.target().snake() + "_id";
    return left.equals(right) ? List.of("source_id", "target_id") : List.of(left, right);
  }

  /** The columns of a unique group, in its order: a field's own, a relation's {@code <name>_id}. */
  public static List<String> uniqueColumns(EntitySpec entity, UniqueGroup group) {
    return group.members().stream()
        .map(member -> isField(entity, member) ? member.snake() : member.snake() + "_id")
        .toList();
  }

  /**
   * The JSON keys of a unique group, in its order: a field's name, a relation's {@code <name>Id}.
   */
  public static List<String> uniqueKeys(EntitySpec entity, UniqueGroup group) {
    return group.members().stream()
        .map(member -> isField(entity, member) ? member.value() : member.camel() + "Id")
        .toList();
  }

  /** The name of a unique group's constraint on {@code table}. */
  public static String uniqueGroupName(String table, EntitySpec entity, UniqueGroup group) {
    return SqlNames.constraint(
        "uq_" + table + "_" + String.join("_", uniqueColumns(entity, group)));
  }

  private static boolean isField(EntitySpec entity, Identifier member) {
    return entity.fields().stream().anyMatch(field -> field.name().equals(member));
  }
}
