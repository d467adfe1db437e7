package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.backforge.templates.spec.EntityDraft.RelationDraft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one entity with its fields and relations (the first pass), reporting every problem that can
 * be found without looking at other entities.
 */
final class EntityReader {

  static final List<String> PROPERTIES =
      List.of("name", "description", "fields", "relations", "unique");

  /** Most unique groups an entity may have, and most members a group may have. */
  static final int MAX_UNIQUE_GROUPS = 10;

  static final int MAX_UNIQUE_MEMBERS = 8;
  static final List<String> RELATION_PROPERTIES =
      List.of("name", "kind", "target", "required", "mappedBy", "onDelete");

  private final JsonObject json;
  private final Problems problems;
  private final Map<String, String> attributes = new HashMap<>();
  private final Map<String, String> columns = new HashMap<>();

  private EntityReader(JsonObject json, Problems problems) {
    this.json = json;
    this.problems = problems;
  }

  /** The entity at {@code at}, or {@code null} when it is not even an object (reported). */
  static EntityDraft read(JsonNode node, Pointer at, Problems problems) {
    JsonObject json = JsonObject.read(node, at, problems, "an entity", PROPERTIES);
    return json == null ? null : new EntityReader(json, problems).read();
  }

  /**
   * The key two names clash on: case and underscores ignored, so that {@code OrderLine}, {@code
   * Orderline} and {@code Order_Line} count as the same name.
   */
  static String clashKey(Identifier name) {
    return name.value().replace("_", "").toLowerCase(Locale.ROOT);
  }

  private EntityDraft read() {
    String declaredName = null;
    Identifier name = null;
    if (json.require("name", "give the entity a PascalCase name such as 'Book'")) {
      declaredName = json.string("name");
      name =
          declaredName == null ? null : Names.ENTITY.check(declaredName, json.at("name"), problems);
    }
    String description = json.text("description", Limits.MAX_DESCRIPTION_LENGTH);
    List<FieldSpec> fields = fields();
    List<RelationDraft> relations = relations();
    return new EntityDraft(
        json.at(), declaredName, name, description, fields, relations, uniqueGroups());
  }

  /** The {@code unique} groups' shape: arrays of 2 to 8 distinct member names, at most 10. */
  private List<List<String>> uniqueGroups() {
    if (!json.has("unique")) {
      return List.of();
    }
    ArrayNode array = json.array("unique");
    if (array == null || !withinLimit(array, "unique", MAX_UNIQUE_GROUPS)) {
      return List.of();
    }
    List<List<String>> groups = new ArrayList<>();
    for (int g = 0; g < array.size(); g++) {
      Pointer at = json.at("unique").at(g);
      JsonNode group = array.get(g);
      if (!group.isArray() || group.size() < 2 || group.size() > MAX_UNIQUE_MEMBERS) {
        problems.add(
            at,
            "a unique group is a list of 2 to "
                + MAX_UNIQUE_MEMBERS
                + " field or relation names, such as [\"title\", \"author\"]; for one field use"
                + " its 'unique'");
        continue;
      }
      List<String> members = new ArrayList<>();
      for (int m = 0; m < group.size(); m++) {
        JsonNode member = group.get(m);
        if (!member.isTextual()) {
          problems.add(at.at(m), "must be a field or relation name in double quotes");
        } else if (members.contains(member.textValue())) {
          problems.add(at.at(m), "'" + Text.clip(member.textValue()) + "' is listed twice");
        } else {
          members.add(member.textValue());
        }
      }
      if (members.size() == group.size()) {
        groups.add(members);
      }
    }
    return groups;
  }

  private List<FieldSpec> fields() {
    if (!json.require("fields", "list the entity's fields, or give [] for none")) {
      return List.of();
    }
    ArrayNode array = json.array("fields");
    if (array == null || !withinLimit(array, "fields", Limits.MAX_FIELDS_PER_ENTITY)) {
      return List.of();
    }
    List<FieldSpec> fields = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Pointer at = json.at("fields").at(i);
      FieldReader.Read field = FieldReader.read(array.get(i), at, problems);
      if (field.name() != null && unique(field.name(), at.at("name"), "field")) {
        columns.put(field.name().snake(), field.name().value());
      }
      if (field.spec() != null) {
        fields.add(field.spec());
      }
    }
    return fields;
  }

  private List<RelationDraft> relations() {
    ArrayNode array = json.array("relations");
    if (array == null || !withinLimit(array, "relations", Limits.MAX_RELATIONS_PER_ENTITY)) {
      return List.of();
    }
    List<RelationDraft> relations = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Pointer at = json.at("relations").at(i);
      JsonObject relation =
          JsonObject.read(array.get(i), at, problems, "a relation", RELATION_PROPERTIES);
      if (relation != null) {
        relations.add(relation(relation));
      }
    }
    return relations;
  }

  private RelationDraft relation(JsonObject relation) {
    Identifier name = null;
    if (relation.require("name", "give the relation a lowerCamelCase name such as 'author'")) {
      String raw = relation.string("name");
      name = raw == null ? null : Names.RELATION.check(raw, relation.at("name"), problems);
    }
    RelationKind kind = kind(relation);
    if (name != null && unique(name, relation.at("name"), "relation") && kind != null) {
      foreignKey(name, kind, relation.at("name"));
    }
    String target = null;
    if (relation.require("target", "name the entity this relation points to")) {
      target = relation.string("target");
    }
    boolean required = relation.bool("required", false);
    String mappedBy = relation.string("mappedBy");
    return new RelationDraft(
        relation.at(),
        name,
        kind,
        target,
        required,
        mappedBy,
        onDelete(relation),
        RelationKind.ONE_TO_ONE.equals(relation.string("kind")));
  }

  private DeleteRule onDelete(JsonObject relation) {
    String raw = relation.string("onDelete");
    if (raw == null) {
      return null;
    }
    DeleteRule rule = DeleteRule.fromJson(raw);
    if (rule == null) {
      problems.add(
          relation.at("onDelete"),
          "unknown delete rule '"
              + Text.clip(raw)
              + "'; use one of: "
              + Arrays.stream(DeleteRule.values())
                  .map(DeleteRule::json)
                  .collect(Collectors.joining(", ")));
    }
    return rule;
  }

  private RelationKind kind(JsonObject relation) {
    String known = String.join(", ", RelationKind.jsonKinds());
    if (!relation.require("kind", "use one of: " + known)) {
      return null;
    }
    String raw = relation.string("kind");
    if (raw == null) {
      return null;
    }
    RelationKind kind = RelationKind.fromJson(raw);
    if (kind == null) {
      problems.add(
          relation.at("kind"), "unknown kind '" + Text.clip(raw) + "'; use one of: " + known);
    }
    return kind;
  }

  private boolean unique(Identifier name, Pointer at, String what) {
    String earlier = attributes.putIfAbsent(clashKey(name), what + " '" + name + "'");
    if (earlier != null) {
      problems.add(
          at,
          "'"
              + name
              + "' clashes with the "
              + earlier
              + " of this entity (names differing only in case or underscores are the same"
              + " column); rename one of them");
      return false;
    }
    return true;
  }

  private void foreignKey(Identifier name, RelationKind kind, Pointer at) {
    String column = name.snake() + "_id";
    String field = columns.get(column);
    if (kind == RelationKind.MANY_TO_ONE && field != null) {
      problems.add(
          at,
          "relation '"
              + name
              + "' stores its reference in the column '"
              + column
              + "', which is already the column of field '"
              + field
              + "'; rename the relation or the field");
    }
  }

  private boolean withinLimit(ArrayNode array, String key, int limit) {
    if (array.size() <= limit) {
      return true;
    }
    problems.add(
        json.at(key),
        "has "
            + array.size()
            + " "
            + key
            + "; an entity may have at most "
            + limit
            + ", split it into several entities");
    return false;
  }
}
