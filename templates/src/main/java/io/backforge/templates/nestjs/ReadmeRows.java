package io.backforge.templates.nestjs;

import io.backforge.templates.generate.GeneratedApi;
import io.backforge.templates.generate.MarkdownText;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of an entity's table in the README: JSON name, type and constraints. */
final class ReadmeRows {

  private ReadmeRows() {}

  static List<Map<String, Object>> of(EntitySpec entity, Relations relations) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      out.add(row(field.name().camel(), field.type().json(), constraints(field)));
    }
    for (RelationSpec relation : entity.relations()) {
      String target = relation.target().pascal();
      switch (relation.kind()) {
        case MANY_TO_ONE ->
            out.add(
                row(
                    GeneratedApi.toOneKey(relation),
                    "many-to-one " + target,
                    (relation.required() ? "required; " : "") + "id of " + article(target)));
        case MANY_TO_MANY ->
            out.add(
                row(
                    GeneratedApi.toManyKey(relation),
                    "many-to-many " + target,
                    "ids of "
                        + target
                        + " rows; listed at `/{id}/"
                        + relation.name().kebab()
                        + "`"));
        case ONE_TO_MANY -> {
          if (relations.inverse(entity, relation).isPresent()) {
            out.add(
                row(
                    relation.name().camel(),
                    "one-to-many " + target,
                    "read only; listed at `/{id}/" + relation.name().kebab() + "`"));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Object> row(String key, String type, String constraints) {
    return Map.of("key", key, "type", type, "constraints", constraints);
  }

  private static String article(String name) {
    return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
  }

  private static String constraints(FieldSpec field) {
    List<String> parts = new ArrayList<>();
    if (field.required()) {
      parts.add("required");
    }
    if (field.unique()) {
      parts.add("unique");
    }
    if (field.minLength() != null) {
      parts.add("minLength " + field.minLength());
    }
    Integer max = io.backforge.templates.sample.SampleValues.maxLength(field);
    if (max != null) {
      parts.add("maxLength " + max);
    }
    if (field.pattern() != null) {
      parts.add("pattern " + MarkdownText.inline(field.pattern()));
    }
    if (field.min() != null) {
      parts.add("min " + field.min().toPlainString());
    }
    if (field.max() != null) {
      parts.add("max " + field.max().toPlainString());
    }
    if (!field.values().isEmpty()) {
      parts.add("one of " + MarkdownText.inline(String.join(", ", field.values())));
    }
    return String.join("; ", parts);
  }
}
