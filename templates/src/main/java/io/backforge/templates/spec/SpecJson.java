package io.backforge.templates.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes a validated spec back to its JSON form (the {@code backforge.json} of a project).
 * Properties come in a fixed order and properties at their defaults ({@code false} flags, absent
 * descriptions and constraints, empty relations) are left out, so equal specs give equal bytes.
 */
public final class SpecJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private SpecJson() {}

  /**
   * Canonical, pretty-printed JSON of {@code spec} (two-space indent, {@code \n} line ends, a final
   * line end); validating it again gives an equal spec.
   */
  public static String write(ProjectSpec spec) {
    ObjectNode root = NODES.objectNode();
    root.put("name", spec.name().kebab());
    putIfPresent(root, "description", spec.description());
    root.put("stack", spec.stack().json());
    root.put("database", spec.database().json());
    ArrayNode entities = root.putArray("entities");
    spec.entities().forEach(entity -> entities.add(entity(entity)));
    root.set("features", features(spec.features()));
    root.set("ai", ai(spec.ai()));
    if (spec.verify() != null) {
      root.put("verify", spec.verify());
    }
    try {
      return MAPPER.writer(printer()).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  private static ObjectNode entity(EntitySpec entity) {
    ObjectNode node = NODES.objectNode();
    node.put("name", entity.name().value());
    putIfPresent(node, "description", entity.description());
    ArrayNode fields = node.putArray("fields");
    entity.fields().forEach(field -> fields.add(field(field)));
    if (!entity.relations().isEmpty()) {
      ArrayNode relations = node.putArray("relations");
      entity.relations().forEach(relation -> relations.add(relation(relation)));
    }
    if (!entity.unique().isEmpty()) {
      ArrayNode groups = node.putArray("unique");
      for (UniqueGroup group : entity.unique()) {
        ArrayNode members = groups.addArray();
        group.members().forEach(member -> members.add(member.value()));
      }
    }
    return node;
  }

  private static ObjectNode field(FieldSpec field) {
    ObjectNode node = NODES.objectNode();
    node.put("name", field.name().value());
    node.put("type", field.type().json());
    putIfPresent(node, "description", field.description());
    putIfTrue(node, "required", field.required());
    putIfTrue(node, "unique", field.unique());
    if (field.min() != null) {
      node.put("min", field.min());
    }
    if (field.max() != null) {
      node.put("max", field.max());
    }
    if (field.minLength() != null) {
      node.put("minLength", field.minLength());
    }
    if (field.maxLength() != null) {
      node.put("maxLength", field.maxLength());
    }
    putIfPresent(node, "pattern", field.pattern());
    if (!field.values().isEmpty()) {
      ArrayNode values = node.putArray("values");
      field.values().forEach(values::add);
    }
    if (field.defaultValue() != null) {
      node.set("default", defaultValue(field));
    }
    return node;
  }

  /** A field's default as the JSON value of its type: a number, a boolean or a string. */
  public static JsonNode defaultValue(FieldSpec field) {
    String value = field.defaultValue();
    return switch (field.type()) {
      case INTEGER, LONG -> NODES.numberNode(new java.math.BigInteger(value));
      case DECIMAL -> NODES.numberNode(new java.math.BigDecimal(value));
      case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(value));
      default -> NODES.textNode(value);
    };
  }

  private static ObjectNode relation(RelationSpec relation) {
    ObjectNode node = NODES.objectNode();
    node.put("name", relation.name().value());
    node.put("kind", relation.kindJson());
    node.put("target", relation.target().value());
    putIfTrue(node, "required", relation.required());
    if (relation.mappedBy() != null) {
      node.put("mappedBy", relation.mappedBy().value());
    }
    if (relation.onDelete() != DeleteRule.RESTRICT) {
      node.put("onDelete", relation.onDelete().json());
    }
    return node;
  }

  private static ObjectNode features(Features features) {
    ObjectNode node = NODES.objectNode();
    node.put("auth", features.auth().json());
    node.put("pagination", features.pagination());
    node.put("openapi", features.openapi());
    node.put("docker", features.docker());
    node.put("tests", features.tests());
    return node;
  }

  private static ObjectNode ai(AiOptions ai) {
    ObjectNode node = NODES.objectNode();
    node.put("enrich", ai.enrich());
    putIfPresent(node, "instructions", ai.instructions());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  private static void putIfTrue(ObjectNode node, String key, boolean value) {
    if (value) {
      node.put(key, true);
    }
  }
}
