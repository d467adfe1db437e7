package io.backforge.templates.flask;

import static io.backforge.templates.flask.PythonLiterals.string;

import io.backforge.templates.relational.Relations;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cases of {@code tests/test_hostile.py}: for every entity, the keys whose values a prober
 * would make hostile (text, integers, decimals, date-times, id lists) and the related-list paths
 * whose id it would overflow. A key named like a paging parameter is no filter, so its filter cases
 * are left out.
 */
final class HostileCases {

  /** Longer than MySQL's TEXT holds (64 KiB), well under the 1 MiB body limit. */
  static final int LONG_TEXT_CHARACTERS = 70_000;

  private static final Set<String> PAGING_PARAMS = Set.of("page", "size", "sort");

  private HostileCases() {}

  /** The template model of the hostile-input tests of {@code spec}. */
  static Map<String, Object> of(ProjectSpec spec) {
    Relations relations = new Relations(spec);
    List<Map<String, Object>> entities = new ArrayList<>();
    List<Map<String, Object>> related = new ArrayList<>();
    List<Map<String, Object>> text = new ArrayList<>();
    List<Map<String, Object>> textFilters = new ArrayList<>();
    List<Map<String, Object>> longText = new ArrayList<>();
    List<Map<String, Object>> integers = new ArrayList<>();
    List<Map<String, Object>> integerFilters = new ArrayList<>();
    List<Map<String, Object>> idLists = new ArrayList<>();
    List<Map<String, Object>> decimals = new ArrayList<>();
    List<Map<String, Object>> decimalFilters = new ArrayList<>();
    List<Map<String, Object>> datetimes = new ArrayList<>();
    List<Map<String, Object>> datetimeFilters = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      String name = entity.name().value();
      String url = "/api/" + entity.name().kebabPlural();
      String snake = entity.name().snake();
      entities.add(Map.of("urlLiteral", string(url), "snake", snake, "idLiteral", string(name)));
      for (FieldSpec field : entity.fields()) {
        String key = field.name().value();
        Map<String, Object> c = keyCase(url, snake, key, name + "-" + key);
        boolean filter = !PAGING_PARAMS.contains(key);
        switch (field.type()) {
          case STRING, TEXT -> {
            text.add(c);
            if (filter) {
              textFilters.add(c);
            }
            if (field.type() == FieldType.TEXT && storesLongText(entity, field)) {
              longText.add(c);
            }
          }
          case INTEGER, LONG -> {
            int bits = field.type() == FieldType.INTEGER ? 32 : 64;
            integers.add(bitsCase(c, bits));
            if (filter) {
              integerFilters.add(bitsCase(c, bits));
            }
          }
          case DECIMAL -> {
            decimals.add(c);
            if (filter) {
              decimalFilters.add(c);
            }
          }
          case DATETIME -> {
            datetimes.add(c);
            if (filter) {
              datetimeFilters.add(c);
            }
          }
          default -> {}
        }
      }
      integerFilters.add(bitsCase(keyCase(url, snake, "id", name + "-id"), 64));
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
        String key = FlaskModel.toOneKey(relation);
        Map<String, Object> c = keyCase(url, snake, key, name + "-" + key);
        integers.add(bitsCase(c, 64));
        if (!PAGING_PARAMS.contains(key)) {
          integerFilters.add(bitsCase(c, 64));
        }
      }
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
        String key = FlaskModel.toManyKey(relation);
        idLists.add(keyCase(url, snake, key, name + "-" + key));
        related.add(pathCase(url, relation, name));
      }
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.ONE_TO_MANY)) {
        if (relations.inverse(entity, relation).isPresent()) {
          related.add(pathCase(url, relation, name));
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "hostileEntities", entities);
    put(m, "relatedCases", related);
    put(m, "textCases", text);
    put(m, "textFilterCases", textFilters);
    put(m, "longTextCases", longText);
    put(m, "integerCases", integers);
    put(m, "integerFilterCases", integerFilters);
    put(m, "idListCases", idLists);
    put(m, "decimalCases", decimals);
    put(m, "decimalFilterCases", decimalFilters);
    put(m, "datetimeCases", datetimes);
    put(m, "datetimeFilterCases", datetimeFilters);
    m.put("longTextCharacters", LONG_TEXT_CHARACTERS);
    return m;
  }

  /** A text field a generated sample body can carry a long value in: no length cap or pattern. */
  private static boolean storesLongText(EntitySpec entity, FieldSpec field) {
    return field.pattern() == null
        && (field.maxLength() == null || field.maxLength() >= LONG_TEXT_CHARACTERS)
        && (field.minLength() == null || field.minLength() <= LONG_TEXT_CHARACTERS)
        && !field.unique();
  }

  private static void put(Map<String, Object> m, String name, List<Map<String, Object>> cases) {
    m.put(name, cases);
    m.put("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), !cases.isEmpty());
  }

  private static Map<String, Object> keyCase(String url, String snake, String key, String id) {
    return Map.of(
        "urlLiteral", string(url),
        "snake", snake,
        "keyLiteral", string(key),
        "idLiteral", string(id));
  }

  private static Map<String, Object> bitsCase(Map<String, Object> keyCase, int bits) {
    Map<String, Object> out = new LinkedHashMap<>(keyCase);
    out.put("bits", bits);
    return out;
  }

  private static Map<String, Object> pathCase(String url, RelationSpec relation, String entity) {
    return Map.of(
        "urlLiteral",
        string(url),
        "pathLiteral",
        string(relation.name().kebab()),
        "idLiteral",
        string(entity + "-" + relation.name().value()));
  }
}
