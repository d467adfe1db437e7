package io.backforge.api.web;

import io.backforge.api.web.SpecDraft.EntityForm;
import io.backforge.api.web.SpecDraft.FieldForm;
import io.backforge.api.web.SpecDraft.RelationForm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between the wizard's draft and the spec's JSON: the draft is written as the spec the validator
 * reads (numbers that do not parse stay text, so the validator names them), and a spec someone
 * imports is read back into a draft.
 */
final class DraftJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DraftJson() {}

  /** The spec JSON of {@code draft}. */
  static byte[] write(SpecDraft draft) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", draft.getName().strip());
    putIfPresent(root, "description", draft.getDescription());
    root.put("stack", draft.getStack());
    root.put("database", draft.getDatabase());
    ArrayNode entities = root.putArray("entities");
    for (EntityForm entity : draft.getEntities()) {
      ObjectNode node = entities.addObject();
      node.put("name", entity.getName().strip());
      putIfPresent(node, "description", entity.getDescription());
      ArrayNode fields = node.putArray("fields");
      entity.getFields().forEach(field -> field(fields.addObject(), field));
      if (!entity.getRelations().isEmpty()) {
        ArrayNode relations = node.putArray("relations");
        entity.getRelations().forEach(relation -> relation(relations.addObject(), relation));
      }
      unique(node, entity.getUnique());
    }
    ObjectNode features = root.putObject("features");
    features.put("auth", draft.getFeatures().getAuth());
    features.put("pagination", draft.getFeatures().isPagination());
    features.put("openapi", draft.getFeatures().isOpenapi());
    features.put("docker", draft.getFeatures().isDocker());
    features.put("tests", draft.getFeatures().isTests());
    ObjectNode ai = root.putObject("ai");
    ai.put("enrich", draft.getAi().isEnrich());
    putIfPresent(ai, "instructions", draft.getAi().getInstructions());
    if (List.of("true", "false").contains(draft.getVerify())) {
      root.put("verify", Boolean.parseBoolean(draft.getVerify()));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static void field(ObjectNode node, FieldForm field) {
    node.put("name", field.getName().strip());
    node.put("type", field.getType());
    if (field.isRequired()) {
      node.put("required", true);
    }
    if (field.isUnique()) {
      node.put("unique", true);
    }
    putNumber(node, "min", field.getMin());
    putNumber(node, "max", field.getMax());
    putNumber(node, "minLength", field.getMinLength());
    putNumber(node, "maxLength", field.getMaxLength());
    putIfPresent(node, "pattern", field.getPattern());
    if (field.getValues() != null && !field.getValues().isBlank()) {
      ArrayNode values = node.putArray("values");
      Arrays.stream(field.getValues().split(","))
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .forEach(values::add);
    }
    putIfPresent(node, "description", field.getDescription());
    putDefault(node, field);
  }

  /**
   * The field's default as the JSON its type takes: a number for numeric fields, a boolean for
   * boolean ones, else a string; what does not read as that type goes as a string, for the
   * validator to explain.
   */
  private static void putDefault(ObjectNode node, FieldForm field) {
    String value = field.getDefault() == null ? "" : field.getDefault().strip();
    if (value.isEmpty()) {
      return;
    }
    switch (field.getType()) {
      case "integer", "long", "decimal" -> putNumber(node, "default", value);
      case "boolean" -> {
        if (value.equals("true") || value.equals("false")) {
          node.put("default", Boolean.parseBoolean(value));
        } else {
          node.put("default", value);
        }
      }
      default -> node.put("default", field.getDefault());
    }
  }

  /** {@code name+owner; day+slot+vet} as {@code "unique": [["name", "owner"], [...]]}. */
  private static void unique(ObjectNode node, String typed) {
    if (typed == null || typed.isBlank()) {
      return;
    }
    ArrayNode groups = node.putArray("unique");
    for (String group : typed.split(";")) {
      if (group.isBlank()) {
        continue;
      }
      ArrayNode members = groups.addArray();
      Arrays.stream(group.split("\\+"))
          .map(String::strip)
          .filter(m -> !m.isEmpty())
          .forEach(members::add);
    }
  }

  private static void relation(ObjectNode node, RelationForm relation) {
    node.put("name", relation.getName().strip());
    node.put("kind", relation.getKind());
    node.put("target", relation.getTarget().strip());
    if (relation.isRequired()) {
      node.put("required", true);
    }
    putIfPresent(node, "mappedBy", relation.getMappedBy());
    if (relation.getOnDelete() != null && !relation.getOnDelete().equals("restrict")) {
      putIfPresent(node, "onDelete", relation.getOnDelete());
    }
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null && !value.isBlank()) {
      node.put(key, value.strip());
    }
  }

  private static void putNumber(ObjectNode node, String key, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      BigDecimal number = new BigDecimal(value.strip());
      if (number.scale() <= 0) {
        node.put(key, number.toBigIntegerExact());
      } else {
        node.put(key, number);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      node.put(key, value.strip());
    }
  }

  /**
   * A draft holding what {@code json} says, as far as it has the spec's shape; unknown or mistyped
   * parts are left at their defaults for the wizard to show and the validator to judge.
   */
  static SpecDraft read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("This is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("A spec is a JSON object.");
    }
    SpecDraft draft = new SpecDraft();
    draft.setName(text(root, "name", ""));
    draft.setDescription(text(root, "description", ""));
    draft.setStack(text(root, "stack", draft.getStack()));
    draft.setDatabase(text(root, "database", draft.getDatabase()));
    List<EntityForm> entities = new ArrayList<>();
    for (JsonNode node : root.path("entities")) {
      EntityForm entity = new EntityForm();
      entity.setName(text(node, "name", ""));
      entity.setDescription(text(node, "description", ""));
      List<String> groups = new ArrayList<>();
      for (JsonNode group : node.path("unique")) {
        List<String> members = new ArrayList<>();
        group.forEach(member -> members.add(member.asString()));
        groups.add(String.join("+", members));
      }
      entity.setUnique(String.join("; ", groups));
      for (JsonNode f : node.path("fields")) {
        FieldForm field = new FieldForm();
        field.setName(text(f, "name", ""));
        field.setType(text(f, "type", field.getType()));
        field.setRequired(f.path("required").asBoolean(false));
        field.setUnique(f.path("unique").asBoolean(false));
        field.setMin(text(f, "min", ""));
        field.setMax(text(f, "max", ""));
        field.setMinLength(text(f, "minLength", ""));
        field.setMaxLength(text(f, "maxLength", ""));
        field.setPattern(text(f, "pattern", ""));
        field.setDefault(text(f, "default", ""));
        List<String> values = new ArrayList<>();
        f.path("values").forEach(v -> values.add(v.asString()));
        field.setValues(String.join(", ", values));
        field.setDescription(text(f, "description", ""));
        entity.getFields().add(field);
      }
      for (JsonNode r : node.path("relations")) {
        RelationForm relation = new RelationForm();
        relation.setName(text(r, "name", ""));
        relation.setKind(text(r, "kind", relation.getKind()));
        relation.setTarget(text(r, "target", ""));
        relation.setRequired(r.path("required").asBoolean(false));
        relation.setMappedBy(text(r, "mappedBy", ""));
        relation.setOnDelete(text(r, "onDelete", "restrict"));
        entity.getRelations().add(relation);
      }
      entities.add(entity);
    }
    draft.setEntities(entities);
    JsonNode features = root.path("features");
    draft.getFeatures().setAuth(text(features, "auth", draft.getFeatures().getAuth()));
    draft.getFeatures().setPagination(features.path("pagination").asBoolean(true));
    draft.getFeatures().setOpenapi(features.path("openapi").asBoolean(true));
    draft.getFeatures().setDocker(features.path("docker").asBoolean(false));
    draft.getFeatures().setTests(features.path("tests").asBoolean(true));
    draft.getAi().setEnrich(root.path("ai").path("enrich").asBoolean(false));
    draft.getAi().setInstructions(text(root.path("ai"), "instructions", ""));
    JsonNode verify = root.path("verify");
    draft.setVerify(verify.isBoolean() ? Boolean.toString(verify.asBoolean()) : "");
    return draft;
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() || value.isContainer() ? fallback : value.asString();
  }

  /**
   * The form property a JSON pointer names: {@code /entities/1/fields/0/name} is {@code
   * entities[1].fields[0].name}; the root is {@code ""}.
   */
  static String property(String pointer) {
    StringBuilder path = new StringBuilder();
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String unescaped = token.replace("~1", "/").replace("~0", "~");
      if (unescaped.chars().allMatch(Character::isDigit)) {
        path.append('[').append(unescaped).append(']');
      } else {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(unescaped);
      }
    }
    // The unique groups of an entity are one input: every problem inside them is shown there.
    java.util.regex.Matcher unique =
        java.util.regex.Pattern.compile("^(entities\\[\\d+\\]\\.unique)\\b.*").matcher(path);
    return unique.matches() ? unique.group(1) : path.toString();
  }

  /** The wizard step (1 to 5) where the part of the spec a pointer names is entered. */
  static int step(String pointer) {
    String first = pointer.split("/").length > 1 ? pointer.split("/")[1] : "";
    return switch (first) {
      case "name", "description", "stack" -> 1;
      case "database" -> 2;
      case "entities" -> 3;
      case "features" -> 4;
      default -> 5;
    };
  }
}
