package io.backforge.activities.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.SpecError;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.util.List;
import java.util.Map;

/**
 * Turns a model's {@link SpecDraft} into a spec document and validates it with the same validator
 * as every submitted spec, so the wizard shows a draft together with every problem in it.
 */
public final class DraftSpecs {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SpecValidator VALIDATOR = new SpecValidator();

  /**
   * A validated draft.
   *
   * @param spec the draft spec document as plain maps and lists
   * @param errors every problem the validator found; empty when the draft is valid
   * @param usage the tokens the draft cost
   */
  public record Draft(Map<String, Object> spec, List<SpecError> errors, AiUsage usage) {

    public Draft {
      errors = List.copyOf(errors);
    }

    /** Whether the draft is a valid spec. */
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private DraftSpecs() {}

  /** The spec document for {@code draft}, validated. */
  @SuppressWarnings("unchecked")
  public static Draft validate(SpecDraft draft, AiUsage usage) {
    ObjectNode spec = document(draft);
    ValidationResult result = VALIDATOR.validate(spec);
    return new Draft(MAPPER.convertValue(spec, Map.class), result.errors(), usage);
  }

  static ObjectNode document(SpecDraft draft) {
    ObjectNode spec = NODES.objectNode();
    spec.put("name", draft.name());
    putText(spec, "description", draft.description());
    spec.put("stack", StackPacks.first().stack().json());
    spec.put("database", draft.database() == null ? "sqlite" : draft.database());
    ArrayNode entities = spec.putArray("entities");
    for (SpecDraft.Entity entity : nonNull(draft.entities())) {
      if (entity == null) {
        continue;
      }
      ObjectNode node = entities.addObject();
      node.put("name", entity.name());
      putText(node, "description", entity.description());
      ArrayNode fields = node.putArray("fields");
      for (SpecDraft.Field field : nonNull(entity.fields())) {
        if (field != null) {
          fields.add(field(field));
        }
      }
      List<SpecDraft.Relation> relations = nonNull(entity.relations());
      if (!relations.isEmpty()) {
        ArrayNode array = node.putArray("relations");
        for (SpecDraft.Relation relation : relations) {
          if (relation == null) {
            continue;
          }
          ObjectNode r = array.addObject();
          r.put("name", relation.name());
          r.put("kind", relation.kind());
          r.put("target", relation.target());
          if (relation.required() && "many-to-one".equals(relation.kind())) {
            r.put("required", true);
          }
        }
      }
    }
    ObjectNode features = spec.putObject("features");
    features.put("auth", "jwt");
    features.put("pagination", true);
    features.put("openapi", true);
    features.put("docker", true);
    features.put("tests", true);
    spec.putObject("ai").put("enrich", false);
    return spec;
  }

  private static ObjectNode field(SpecDraft.Field field) {
    ObjectNode node = NODES.objectNode();
    node.put("name", field.name());
    node.put("type", field.type());
    putText(node, "description", field.description());
    if (field.required()) {
      node.put("required", true);
    }
    if (field.unique()) {
      node.put("unique", true);
    }
    boolean text = "string".equals(field.type()) || "text".equals(field.type());
    if (text && field.maxLength() != null && field.maxLength() > 0) {
      node.put("maxLength", field.maxLength());
    }
    if ("enum".equals(field.type()) || !nonNull(field.values()).isEmpty()) {
      ArrayNode values = node.putArray("values");
      nonNull(field.values()).forEach(values::add);
    }
    return node;
  }

  private static void putText(ObjectNode node, String key, String value) {
    if (value != null && !value.isBlank()) {
      node.put(key, value.strip());
    }
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
