package io.backforge.templates.spec;

import io.backforge.templates.spec.EntityDraft.RelationDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The second pass over the entities: checks what involves several entities (unique names and
 * tables, relation targets and inverses) and links the relations.
 */
final class EntityLinker {

  /** Longest table name PostgreSQL keeps without truncating it (MySQL allows 64). */
  static final int MAX_TABLE_NAME_LENGTH = 63;

  private final List<EntityDraft> entities;
  private final Problems problems;
  private final Map<String, EntityDraft> byName = new LinkedHashMap<>();
  private final Set<EntityDraft> duplicates = new HashSet<>();

  EntityLinker(List<EntityDraft> entities, Problems problems) {
    this.entities = entities;
    this.problems = problems;
    for (EntityDraft entity : entities) {
      if (entity.declaredName() != null) {
        byName.putIfAbsent(entity.declaredName(), entity);
      }
    }
  }

  /** The linked entities; only meaningful when no problem was reported at all. */
  List<EntitySpec> link() {
    uniqueNames();
    uniqueTables();
    List<EntitySpec> linked = new ArrayList<>();
    for (EntityDraft entity : entities) {
      List<RelationSpec> relations = new ArrayList<>();
      for (RelationDraft relation : entity.relations()) {
        RelationSpec spec = relation(entity, relation);
        if (spec != null) {
          relations.add(spec);
        }
      }
      if (entity.name() != null) {
        linked.add(
            new EntitySpec(
                entity.name(),
                entity.description(),
                entity.fields(),
                relations,
                uniqueGroups(entity, relations)));
      }
    }
    return linked;
  }

  /**
   * The entity's unique groups with every member resolved: a field (not text, which databases do
   * not index whole) or a many-to-one or one-to-one relation of this entity; a group listed twice
   * is refused.
   */
  private List<UniqueGroup> uniqueGroups(EntityDraft entity, List<RelationSpec> relations) {
    List<UniqueGroup> groups = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (int g = 0; g < entity.unique().size(); g++) {
      Pointer at = entity.at().at("unique").at(g);
      List<String> names = entity.unique().get(g);
      List<Identifier> members = new ArrayList<>();
      for (int m = 0; m < names.size(); m++) {
        Identifier member = uniqueMember(entity, relations, names.get(m), at.at(m));
        if (member != null) {
          members.add(member);
        }
      }
      if (!seen.add(Set.copyOf(names))) {
        problems.add(at, "this unique group lists the same members as an earlier one; remove one");
      } else if (members.size() == names.size()) {
        groups.add(new UniqueGroup(members));
      }
    }
    return groups;
  }

  private Identifier uniqueMember(
      EntityDraft entity, List<RelationSpec> relations, String name, Pointer at) {
    for (FieldSpec field : entity.fields()) {
      if (field.name().value().equals(name)) {
        if (field.type() == FieldType.TEXT) {
          problems.add(
              at,
              "the text field '"
                  + Text.clip(name)
                  + "' cannot be in a unique group (databases do not index text whole); make it a"
                  + " string with a maxLength");
          return null;
        }
        return field.name();
      }
    }
    for (RelationSpec relation : relations) {
      if (relation.name().value().equals(name)) {
        if (relation.kind() != RelationKind.MANY_TO_ONE) {
          problems.add(
              at,
              "a unique group may name fields and many-to-one or one-to-one relations, not the "
                  + relation.kind().json()
                  + " relation '"
                  + Text.clip(name)
                  + "'");
          return null;
        }
        return relation.name();
      }
    }
    List<String> known = new ArrayList<>();
    entity.fields().forEach(f -> known.add(f.name().value()));
    relations.stream()
        .filter(r -> r.kind() == RelationKind.MANY_TO_ONE)
        .forEach(r -> known.add(r.name().value()));
    String closest = Text.closest(name, known);
    problems.add(
        at,
        "'"
            + Text.clip(name)
            + "' is no field or many-to-one or one-to-one relation of this entity"
            + (closest == null ? "" : "; did you mean '" + Text.clip(closest) + "'?")
            + " it has: "
            + Text.clipList(known));
    return null;
  }

  private void uniqueNames() {
    Map<String, EntityDraft> seen = new HashMap<>();
    for (EntityDraft entity : entities) {
      if (entity.name() == null) {
        continue;
      }
      EntityDraft earlier = seen.putIfAbsent(EntityReader.clashKey(entity.name()), entity);
      if (earlier != null) {
        duplicates.add(entity);
        problems.add(
            entity.at().at("name"),
            "'"
                + entity.name()
                + "' clashes with the entity '"
                + earlier.name()
                + "' at "
                + earlier.at()
                + " (names differing only in case or underscores are the same table);"
                + " rename or merge them");
      }
    }
  }

  private void uniqueTables() {
    Map<String, String> tables = new HashMap<>();
    ReservedWords.GENERATED_TABLES.forEach(table -> tables.put(table, "a generated table"));
    for (EntityDraft entity : entities) {
      if (entity.name() == null || duplicates.contains(entity)) {
        continue;
      }
      String owner = "the table of entity '" + entity.name() + "'";
      claim(tables, entity.name().snakePlural(), owner, entity.at().at("name"));
      for (RelationDraft relation : entity.relations()) {
        if (relation.name() != null && relation.kind() == RelationKind.MANY_TO_MANY) {
          String table = entity.name().snake() + "_" + relation.name().snake();
          String association =
              "the association table of relation '" + entity.name() + "." + relation.name() + "'";
          if (checkAssociationTable(table, relation.at().at("name"))) {
            claim(tables, table, association, relation.at().at("name"));
          }
        }
      }
    }
  }

  private boolean checkAssociationTable(String table, Pointer at) {
    if (table.length() > MAX_TABLE_NAME_LENGTH) {
      problems.add(
          at,
          "the association table '"
              + table
              + "' of this many-to-many relation would have "
              + table.length()
              + " characters, but databases allow "
              + MAX_TABLE_NAME_LENGTH
              + "; shorten the entity or relation name");
      return false;
    }
    return ReservedWords.whyReservedForTable(table)
        .map(
            why -> {
              problems.add(
                  at,
                  "this many-to-many relation gets the association table '"
                      + table
                      + "', but "
                      + why
                      + "; rename the relation");
              return false;
            })
        .orElse(true);
  }

  private void claim(Map<String, String> tables, String table, String owner, Pointer at) {
    String earlier = tables.putIfAbsent(table, owner);
    if (earlier != null) {
      problems.add(
          at,
          "the table '"
              + table
              + "' would be both "
              + earlier
              + " and "
              + owner
              + "; rename one of them");
    }
  }

  private RelationSpec relation(EntityDraft entity, RelationDraft relation) {
    int before = problems.size();
    EntityDraft target = target(relation);
    required(entity, relation);
    onDelete(relation);
    Identifier mappedBy = inverse(entity, relation, target);
    boolean complete =
        problems.size() == before
            && relation.name() != null
            && relation.kind() != null
            && target != null
            && target.name() != null;
    return complete
        ? new RelationSpec(
            relation.name(),
            relation.kind(),
            target.name(),
            relation.required(),
            mappedBy,
            relation.onDelete() == null ? DeleteRule.RESTRICT : relation.onDelete(),
            relation.oneToOne())
        : null;
  }

  private EntityDraft target(RelationDraft relation) {
    if (relation.target() == null) {
      return null;
    }
    EntityDraft target = byName.get(relation.target());
    if (target == null) {
      String closest = Text.closest(relation.target(), byName.keySet());
      problems.add(
          relation.at().at("target"),
          "unknown entity '"
              + Text.clip(relation.target())
              + "'"
              + (closest == null ? "" : "; did you mean '" + Text.clip(closest) + "'?")
              + " known entities: "
              + Text.clipList(byName.keySet()));
    }
    return target;
  }

  private void onDelete(RelationDraft relation) {
    if (relation.onDelete() == null || relation.kind() == null) {
      return;
    }
    Pointer at = relation.at().at("onDelete");
    if (relation.kind() != RelationKind.MANY_TO_ONE) {
      problems.add(
          at,
          "'onDelete' applies only to many-to-one and one-to-one relations, not to "
              + relation.kind().json()
              + "; remove it");
    } else if (relation.onDelete() == DeleteRule.SET_NULL && relation.required()) {
      problems.add(
          at,
          "a required relation cannot be set to null when its target is deleted; use 'cascade'"
              + " or 'restrict', or remove 'required'");
    }
  }

  private void required(EntityDraft entity, RelationDraft relation) {
    if (!relation.required() || relation.kind() == null) {
      return;
    }
    Pointer at = relation.at().at("required");
    if (relation.kind() != RelationKind.MANY_TO_ONE) {
      problems.add(
          at,
          "'required' applies only to many-to-one and one-to-one relations, not to "
              + relation.kind().json()
              + "; remove it");
    } else if (relation.target() != null && relation.target().equals(entity.declaredName())) {
      problems.add(
          at,
          "a required relation to its own entity makes the first '"
              + Text.clip(relation.target())
              + "' impossible to create; remove 'required'");
    }
  }

  private Identifier inverse(EntityDraft entity, RelationDraft relation, EntityDraft target) {
    if (relation.kind() == null) {
      return null;
    }
    if (relation.kind() != RelationKind.ONE_TO_MANY) {
      if (relation.mappedBy() != null) {
        problems.add(
            relation.at().at("mappedBy"),
            "'mappedBy' applies only to one-to-many relations; remove it");
      }
      return null;
    }
    if (target == null || entity.declaredName() == null) {
      return null;
    }
    return new Inverse(entity, relation, target).resolve();
  }

  /** Finds the many-to-one relation a one-to-many relation mirrors. */
  private final class Inverse {
    private final EntityDraft entity;
    private final RelationDraft relation;
    private final EntityDraft target;
    private final List<RelationDraft> candidates;

    Inverse(EntityDraft entity, RelationDraft relation, EntityDraft target) {
      this.entity = entity;
      this.relation = relation;
      this.target = target;
      this.candidates =
          target.relations().stream()
              .filter(r -> r.name() != null && r.kind() == RelationKind.MANY_TO_ONE)
              .filter(r -> entity.declaredName().equals(r.target()))
              .toList();
    }

    Identifier resolve() {
      if (relation.mappedBy() != null) {
        return named(relation.mappedBy());
      }
      if (candidates.size() == 1) {
        return candidates.get(0).name();
      }
      problems.add(relation.at(), candidates.isEmpty() ? missing() : ambiguous());
      return null;
    }

    private Identifier named(String mappedBy) {
      for (RelationDraft candidate : candidates) {
        if (candidate.name().value().equals(mappedBy)) {
          return candidate.name();
        }
      }
      problems.add(
          relation.at().at("mappedBy"),
          "'"
              + Text.clip(mappedBy)
              + "' is not a many-to-one relation of '"
              + Text.clip(target.declaredName())
              + "' to '"
              + Text.clip(entity.declaredName())
              + "'; "
              + (candidates.isEmpty()
                  ? "add one to '" + Text.clip(target.declaredName()) + "'"
                  : choices()));
      return null;
    }

    private String missing() {
      String message =
          "a one-to-many relation needs a many-to-one relation on '"
              + Text.clip(target.declaredName())
              + "' that targets '"
              + Text.clip(entity.declaredName())
              + "'; add one to '"
              + Text.clip(target.declaredName())
              + "'";
      return entity.name() == null
          ? message
          : message
              + ", such as {\"name\": \""
              + entity.name().camel()
              + "\", \"kind\": \"many-to-one\", \"target\": \""
              + entity.name()
              + "\"}";
    }

    private String ambiguous() {
      return "'"
          + Text.clip(target.declaredName())
          + "' has several many-to-one relations to '"
          + Text.clip(entity.declaredName())
          + "'; say which one this relation mirrors with 'mappedBy': "
          + choices();
    }

    private String choices() {
      return "use one of: "
          + candidates.stream().map(r -> r.name().value()).collect(Collectors.joining(", "));
    }
  }
}
