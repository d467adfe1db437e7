package io.backforge.templates.spec;

import io.backforge.templates.pack.ModelFeature;
import io.backforge.templates.pack.StackPacks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that look across a whole, otherwise valid spec: JSON names that clash with the keys the
 * generated API derives from relations ({@code <relation>Id}, {@code <relation>Ids}), cycles of
 * required references (no row could ever be inserted first), and unique strings too long for a
 * MySQL index. Runs only when everything else is valid, so its pointers index the spec as sent.
 */
final class CrossChecks {

  /**
   * Longest {@code maxLength} of a unique string on MySQL: InnoDB indexes at most 3072 bytes, and a
   * utf8mb4 character takes up to 4.
   */
  static final int MYSQL_MAX_UNIQUE_LENGTH = 768;

  private final List<EntitySpec> entities;
  private final Database database;
  private final Stack stack;
  private final Problems problems;

  CrossChecks(List<EntitySpec> entities, Database database, Stack stack, Problems problems) {
    this.entities = entities;
    this.database = database;
    this.stack = stack;
    this.problems = problems;
  }

  void check() {
    for (int e = 0; e < entities.size(); e++) {
      relationKeyClashes(e);
      unsupportedFeatures(e);
      if (database == Database.MYSQL) {
        mysqlUniqueColumns(e);
      }
    }
    requiredCycles();
  }

  /**
   * The model features entity {@code e} uses where its stack's pack does not render them (yet),
   * each reported at the property that uses it.
   */
  private void unsupportedFeatures(int e) {
    EntitySpec entity = entities.get(e);
    Pointer at = entity(e);
    for (int f = 0; f < entity.fields().size(); f++) {
      if (entity.fields().get(f).defaultValue() != null) {
        refuse(ModelFeature.FIELD_DEFAULTS, at.at("fields").at(f).at("default"));
      }
    }
    List<RelationSpec> relations = entity.relations();
    for (int r = 0; r < relations.size(); r++) {
      if (relations.get(r).onDelete() != DeleteRule.RESTRICT) {
        refuse(ModelFeature.DELETE_RULES, at.at("relations").at(r).at("onDelete"));
      }
    }
    for (int r = 0; r < relations.size(); r++) {
      if (relations.get(r).unique()) {
        refuse(ModelFeature.ONE_TO_ONE, at.at("relations").at(r).at("kind"));
      }
    }
    if (!entity.unique().isEmpty()) {
      refuse(ModelFeature.COMPOSITE_UNIQUE, at.at("unique"));
    }
  }

  private void refuse(ModelFeature feature, Pointer use) {
    if (!supports(feature)) {
      problems.add(use, unsupported(feature));
    }
  }

  private boolean supports(ModelFeature feature) {
    return StackPacks.find(stack.json())
        .map(pack -> pack.modelFeatures().contains(feature))
        .orElse(true);
  }

  private String unsupported(ModelFeature feature) {
    List<String> having =
        StackPacks.all().stream()
            .filter(pack -> pack.modelFeatures().contains(feature))
            .map(pack -> pack.stack().json())
            .toList();
    return "the "
        + stack.json()
        + " stack does not support "
        + feature.title()
        + " yet; remove it"
        + (having.isEmpty() ? "" : " or choose a stack that does: " + String.join(", ", having));
  }

  private static Pointer entity(int e) {
    return Pointer.ROOT.at("entities").at(e);
  }

  private void relationKeyClashes(int e) {
    EntitySpec entity = entities.get(e);
    Map<String, String> derived = new LinkedHashMap<>();
    for (RelationSpec relation : entity.relations()) {
      String name = relation.name().camel();
      switch (relation.kind()) {
        case MANY_TO_ONE ->
            derived.put(name + "Id", relation.kindJson() + " relation '" + name + "'");
        case MANY_TO_MANY -> derived.put(name + "Ids", "many-to-many relation '" + name + "'");
        case ONE_TO_MANY -> {}
      }
    }
    for (int f = 0; f < entity.fields().size(); f++) {
      String key = entity.fields().get(f).name().value();
      String owner = derived.get(key);
      if (owner != null) {
        problems.add(
            entity(e).at("fields").at(f).at("name"),
            "'"
                + key
                + "' is the JSON key the API uses for the ids of the "
                + owner
                + " of "
                + entity.name().value()
                + "; rename the field or the relation");
      }
    }
  }

  private void mysqlUniqueColumns(int e) {
    EntitySpec entity = entities.get(e);
    for (int f = 0; f < entity.fields().size(); f++) {
      FieldSpec field = entity.fields().get(f);
      if (!field.unique()) {
        continue;
      }
      Pointer at = entity(e).at("fields").at(f).at("unique");
      // Unique text fields are rejected for every database by FieldReader.
      if (field.type() == FieldType.STRING
          && field.maxLength() != null
          && field.maxLength() > MYSQL_MAX_UNIQUE_LENGTH) {
        problems.add(
            at,
            "MySQL cannot index a unique string longer than "
                + MYSQL_MAX_UNIQUE_LENGTH
                + " characters; lower maxLength or drop unique");
      }
    }
    for (int g = 0; g < entity.unique().size(); g++) {
      int length = 0;
      for (Identifier member : entity.unique().get(g).members()) {
        length +=
            entity.fields().stream()
                .filter(field -> field.name().equals(member) && field.type() == FieldType.STRING)
                .mapToInt(
                    field ->
                        field.maxLength() == null
                            ? FieldReader.DEFAULT_STRING_COLUMN_LENGTH
                            : field.maxLength())
                .sum();
      }
      if (length > MYSQL_MAX_UNIQUE_LENGTH) {
        problems.add(
            entity(e).at("unique").at(g),
            "MySQL cannot index a unique group whose strings hold more than "
                + MYSQL_MAX_UNIQUE_LENGTH
                + " characters together ("
                + length
                + " here); lower their maxLength");
      }
    }
  }

  /** Reports each cycle of required many-to-one relations once, at its first relation. */
  private void requiredCycles() {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int e = 0; e < entities.size(); e++) {
      index.put(entities.get(e).name().value(), e);
    }
    List<List<String>> reported = new ArrayList<>();
    for (int start = 0; start < entities.size(); start++) {
      List<String> path = new ArrayList<>();
      List<Integer> relations = new ArrayList<>();
      List<String> cycle = findCycle(start, start, index, path, relations);
      if (cycle == null || alreadyReported(reported, cycle)) {
        continue;
      }
      reported.add(cycle);
      problems.add(
          entity(start).at("relations").at(relations.get(0)).at("required"),
          "the required many-to-one relations "
              + String.join(" -> ", cycle)
              + " form a cycle, so no row could be created first; make one of them optional");
    }
  }

  private List<String> findCycle(
      int start, int current, Map<String, Integer> index, List<String> path, List<Integer> via) {
    EntitySpec entity = entities.get(current);
    path.add(entity.name().value());
    for (int r = 0; r < entity.relations().size(); r++) {
      RelationSpec relation = entity.relations().get(r);
      if (relation.kind() != RelationKind.MANY_TO_ONE || !relation.required()) {
        continue;
      }
      Integer target = index.get(relation.target().value());
      if (target == null || target == current) {
        continue;
      }
      via.add(r);
      if (target == start) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(entities.get(start).name().value());
        return cycle;
      }
      if (!path.contains(entities.get(target).name().value())) {
        List<String> found = findCycle(start, target, index, path, via);
        if (found != null) {
          return found;
        }
      }
      via.remove(via.size() - 1);
    }
    path.remove(path.size() - 1);
    return null;
  }

  private static boolean alreadyReported(List<List<String>> reported, List<String> cycle) {
    List<String> members = cycle.subList(0, cycle.size() - 1);
    return reported.stream()
        .anyMatch(
            r ->
                r.size() == cycle.size()
                    && r.subList(0, r.size() - 1).containsAll(members)
                    && members.containsAll(r.subList(0, r.size() - 1)));
  }
}
