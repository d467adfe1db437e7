package io.backforge.templates.flask;

import static io.backforge.templates.flask.PythonLiterals.string;

import io.backforge.templates.relational.Relations;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import io.backforge.templates.spec.UniqueGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Chooses the generated test cases of one entity; a case without a sound value is left out. */
final class TestCases {

  private static final Set<String> PAGING_PARAMS = Set.of("page", "size", "sort");

  private TestCases() {}

  static void add(Map<String, Object> m, EntitySpec entity, Relations relations, int capacity) {
    List<String> decimalKeys = new ArrayList<>();
    List<Map<String, Object>> required = new ArrayList<>();
    List<Map<String, Object>> invalid = new ArrayList<>();
    List<Map<String, Object>> unique = new ArrayList<>();
    List<Map<String, Object>> sort = new ArrayList<>();
    List<Map<String, Object>> filters = new ArrayList<>();
    List<Map<String, Object>> defaults = new ArrayList<>();
    Set<String> keys = new HashSet<>(Set.of("id", "createdAt", "updatedAt"));
    for (FieldSpec field : entity.fields()) {
      String key = field.name().value();
      keys.add(key);
      boolean hasSamples = !FlaskModel.samples(entity, field).isEmpty();
      if (field.type() == FieldType.DECIMAL) {
        decimalKeys.add(key);
      }
      if (field.required()) {
        required.add(keyCase(key, key));
      }
      for (SampleValues.Violation violation : FlaskModel.violations(entity, field)) {
        invalid.add(
            valueCase(key, FlaskModel.literal(violation.value()), key + "-" + violation.rule()));
      }
      if (field.defaultValue() != null) {
        defaults.add(valueCase(key, PythonLiterals.answeredDefault(field), key));
      }
      if (field.unique() && hasSamples) {
        unique.add(keyCase(key, key));
      }
      if (hasSamples) {
        sort.add(keyCase(key, key));
      }
      if (hasSamples && field.type() != FieldType.DECIMAL && !PAGING_PARAMS.contains(key)) {
        filters.add(keyCase(key, key));
      }
    }
    List<Map<String, Object>> missingRefs = new ArrayList<>();
    List<Map<String, Object>> oneToOne = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String key = FlaskModel.toOneKey(relation);
      keys.add(key);
      if (relation.required()) {
        required.add(keyCase(key, key));
      }
      invalid.add(valueCase(key, string("not-an-id"), key + "-type"));
      missingRefs.add(keyCase(key, key));
      if (relation.unique()) {
        oneToOne.add(
            Map.of(
                "keyLiteral", string(key),
                "targetSnake", relation.target().snake(),
                "idLiteral", string(key)));
      }
      if (!PAGING_PARAMS.contains(key) && relation.required()) {
        filters.add(keyCase(key, key));
      }
    }
    List<Map<String, Object>> manyToMany = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      String key = FlaskModel.toManyKey(relation);
      keys.add(key);
      invalid.add(valueCase(key, string("not-a-list"), key + "-type"));
      manyToMany.add(
          Map.of(
              "keyLiteral", string(key),
              "pathLiteral", string(relation.name().kebab()),
              "targetSnake", relation.target().snake(),
              "idLiteral", string(key)));
    }
    List<Map<String, Object>> oneToMany = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.ONE_TO_MANY)) {
      Optional<RelationSpec> inverse = relations.inverse(entity, relation);
      inverse.ifPresent(
          back ->
              oneToMany.add(
                  Map.of(
                      "pathLiteral", string(relation.name().kebab()),
                      "sourceSnake", relation.target().snake(),
                      "keyLiteral", string(FlaskModel.toOneKey(back)),
                      "idLiteral", string(relation.name().value()))));
    }
    List<Map<String, Object>> referencedBy = new ArrayList<>();
    List<Map<String, Object>> cascadedBy = new ArrayList<>();
    List<Map<String, Object>> nulledBy = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_ONE)) {
      String key = FlaskModel.toOneKey(owned.relation());
      Map<String, Object> pointing =
          Map.of(
              "sourceSnake", owned.owner().name().snake(),
              "keyLiteral", string(key),
              "sourcePathLiteral", string("/api/" + owned.owner().name().kebabPlural()),
              "idLiteral", string(owned.owner().name().value() + "-" + key));
      switch (owned.relation().onDelete()) {
        case RESTRICT -> referencedBy.add(pointing);
        case CASCADE -> cascadedBy.add(pointing);
        case SET_NULL -> nulledBy.add(pointing);
      }
    }
    String unknown = "unknownField";
    while (keys.contains(unknown)) {
      unknown = unknown + "X";
    }
    int pageRows = Math.min(3, capacity);
    m.put("decimalKeys", PythonLiterals.stringTuple(decimalKeys));
    m.put("hasDecimalKeys", !decimalKeys.isEmpty());
    m.put("requiredCases", required);
    m.put("invalidCases", invalid);
    m.put("uniqueCases", unique);
    m.put("defaultCases", defaults);
    m.put("sortCases", sort);
    m.put("filterCases", filters);
    m.put("missingRefCases", missingRefs);
    m.put("uniqueGroupCases", uniqueGroups(entity));
    m.put("oneToOneCases", oneToOne);
    m.put("manyToManyCases", manyToMany);
    m.put("oneToManyCases", oneToMany);
    m.put("referencedByCases", referencedBy);
    m.put("cascadedByCases", cascadedBy);
    m.put("nulledByCases", nulledBy);
    for (String name :
        List.of(
            "requiredCases",
            "invalidCases",
            "uniqueCases",
            "defaultCases",
            "sortCases",
            "filterCases",
            "missingRefCases",
            "uniqueGroupCases",
            "oneToOneCases",
            "manyToManyCases",
            "oneToManyCases",
            "referencedByCases",
            "cascadedByCases",
            "nulledByCases")) {
      String flag = "has" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      m.put(flag, !((List<?>) m.get(name)).isEmpty());
    }
    m.put("unknownKeyLiteral", string(unknown));
    m.put("pageRows", pageRows);
    m.put("pageSize", Math.max(1, pageRows - 1));
  }

  /**
   * One case per unique group: its keys, and the factory of each relation member's target (the test
   * links both rows to one new target, so the group never holds a null).
   */
  private static List<Map<String, Object>> uniqueGroups(EntitySpec entity) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UniqueGroup group : entity.unique()) {
      List<String> keys = Relations.uniqueKeys(entity, group);
      List<String> targets = new ArrayList<>();
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
        if (group.members().contains(relation.name())) {
          targets.add(
              string(FlaskModel.toOneKey(relation))
                  + ": factories.create_"
                  + relation.target().snake());
        }
      }
      out.add(
          Map.of(
              "keysLiteral", PythonLiterals.stringTuple(keys),
              "targetsLiteral", "{" + String.join(", ", targets) + "}",
              "idLiteral", string(String.join("-", keys))));
    }
    return out;
  }

  private static Map<String, Object> keyCase(String key, String id) {
    return Map.of("keyLiteral", string(key), "idLiteral", string(id));
  }

  private static Map<String, Object> valueCase(String key, String valueLiteral, String id) {
    return Map.of("keyLiteral", string(key), "valueLiteral", valueLiteral, "idLiteral", string(id));
  }
}
