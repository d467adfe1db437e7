package io.backforge.templates.nestjs;

import static io.backforge.templates.nestjs.TsLiterals.string;

import io.backforge.templates.generate.GeneratedApi;
import io.backforge.templates.relational.Relations;
import io.backforge.templates.sample.SampleValues;
import io.backforge.templates.spec.EntitySpec;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.RelationKind;
import io.backforge.templates.spec.RelationSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template model of the generated test suite: the sample values of {@code test/factories.ts}
 * (those every stack's tests send, {@link GeneratedApi#samples}), the cases of each entity's test
 * file and the lists the hostile-input tests loop over.
 */
final class TestModel {

  /** How many distinct sample values the tests may draw per field. */
  static final int SAMPLES = 8;

  /** The widest decimal a column holds, which the suite stores and reads back. */
  private static final BigDecimal WIDE_DECIMAL = new BigDecimal("12345678901234.123456");

  private static final Set<String> PAGING_PARAMS = Set.of("page", "size", "sort");

  private final ProjectSpec spec;
  private final Relations relations;

  TestModel(ProjectSpec spec, Relations relations) {
    this.spec = spec;
    this.relations = relations;
  }

  /** The factories of every entity, in spec order. */
  List<Map<String, Object>> factories() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EntitySpec entity : spec.entities()) {
      Map<String, Object> m = EntityModel.names(entity);
      List<String> samples = new ArrayList<>();
      for (FieldSpec field : entity.fields()) {
        List<Object> values = GeneratedApi.samples(entity, field, SAMPLES);
        if (!values.isEmpty()) {
          samples.add(
              field.name().camel()
                  + ": ["
                  + String.join(", ", values.stream().map(TsLiterals::value).toList())
                  + "]");
        }
      }
      m.put("samples", samples);
      List<Map<String, Object>> parents = new ArrayList<>();
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
        if (relation.required()) {
          parents.add(
              Map.of(
                  "keyLiteral",
                  string(GeneratedApi.toOneKey(relation)),
                  "createName",
                  "create" + relation.target().pascal()));
        }
      }
      m.put("parents", parents);
      m.put("hasParents", !parents.isEmpty());
      out.add(m);
    }
    return out;
  }

  /** The cases of one entity's test file. */
  Map<String, Object> entityCases(EntitySpec entity) {
    Map<String, Object> m = new LinkedHashMap<>();
    TreeSet<String> imports = new TreeSet<>();
    imports.add("create" + entity.name().pascal());
    imports.add("payload" + entity.name().pascal());
    List<String> decimals = new ArrayList<>();
    List<String> wideDecimals = new ArrayList<>();
    List<String> datetimes = new ArrayList<>();
    List<String> required = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    List<String> unique = new ArrayList<>();
    List<String> sortable = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    for (FieldSpec field : entity.fields()) {
      String key = field.name().camel();
      boolean hasSamples = !GeneratedApi.samples(entity, field, SAMPLES).isEmpty();
      if (field.type() == FieldType.DECIMAL) {
        decimals.add(key);
        if ((field.min() == null || field.min().compareTo(WIDE_DECIMAL) <= 0)
            && (field.max() == null || field.max().compareTo(WIDE_DECIMAL) >= 0)) {
          wideDecimals.add(key);
        }
      }
      if (field.type() == FieldType.DATETIME) {
        datetimes.add(key);
      }
      if (field.required()) {
        required.add(key);
      }
      for (SampleValues.Violation violation : GeneratedApi.violations(entity, field)) {
        invalid.add(invalidCase(key, TsLiterals.value(violation.value()), violation.rule()));
      }
      if (field.type() == FieldType.DECIMAL) {
        invalid.add(invalidCase(key, "true", "boolean"));
      }
      if (field.type() == FieldType.BOOLEAN) {
        invalid.add(invalidCase(key, "1", "number"));
      }
      if (field.type() == FieldType.DATE) {
        invalid.add(invalidCase(key, string("2024-02-30"), "calendar"));
      }
      if (field.type() == FieldType.DATETIME) {
        invalid.add(invalidCase(key, string("2024-02-30T10:00:00Z"), "calendar"));
      }
      if (field.unique() && hasSamples) {
        unique.add(key);
      }
      if (hasSamples) {
        sortable.add(key);
      }
      if (hasSamples && field.type() != FieldType.DECIMAL && !PAGING_PARAMS.contains(key)) {
        filters.add(key);
      }
    }
    List<String> toOne = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
      String key = GeneratedApi.toOneKey(relation);
      if (relation.required()) {
        required.add(key);
        if (!PAGING_PARAMS.contains(key)) {
          filters.add(key);
        }
      }
      invalid.add(invalidCase(key, string("not-an-id"), "type"));
      invalid.add(invalidCase(key, string("7"), "string"));
      invalid.add(invalidCase(key, "1.5", "fraction"));
      toOne.add(key);
    }
    List<String> toMany = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_MANY)) {
      String key = GeneratedApi.toManyKey(relation);
      invalid.add(invalidCase(key, string("not-a-list"), "type"));
      invalid.add(invalidCase(key, "[1.5]", "fraction"));
      String create = "create" + relation.target().pascal();
      imports.add(create);
      toMany.add("[" + string(key) + ", " + string(relation.name().kebab()) + ", " + create + "]");
    }
    List<String> referencing = new ArrayList<>();
    for (RelationSpec relation : Relations.ofKind(entity, RelationKind.ONE_TO_MANY)) {
      var inverse = relations.inverse(entity, relation);
      if (inverse.isPresent()) {
        String create = "create" + relation.target().pascal();
        imports.add(create);
        referencing.add(
            "["
                + string(relation.name().kebab())
                + ", "
                + create
                + ", "
                + string(GeneratedApi.toOneKey(inverse.get()))
                + "]");
      }
    }
    List<String> referencedBy = new ArrayList<>();
    for (Relations.Owned owned : relations.pointingAt(entity, RelationKind.MANY_TO_ONE)) {
      String create = "create" + owned.owner().name().pascal();
      imports.add(create);
      referencedBy.add("[" + create + ", " + string(GeneratedApi.toOneKey(owned.relation())) + "]");
    }
    m.put("testImports", String.join(", ", imports));
    m.put("unknownKeyLiteral", string(unknownKey(entity)));
    m.put("decimalKeys", TsLiterals.strings(decimals));
    m.put("wideDecimalKeys", TsLiterals.strings(wideDecimals));
    m.put("datetimeKeys", TsLiterals.strings(datetimes));
    m.put("requiredKeys", TsLiterals.strings(required));
    m.put("invalidCases", invalid);
    m.put("uniqueKeys", TsLiterals.strings(unique));
    m.put("sortableKeys", TsLiterals.strings(sortable));
    m.put("filterKeys", TsLiterals.strings(filters));
    m.put("toOneKeys", TsLiterals.strings(toOne));
    m.put("referencedBy", String.join(", ", referencedBy));
    m.put("toManyCases", String.join(", ", toMany));
    m.put("referencingCases", String.join(", ", referencing));
    return m;
  }

  /** {@code unknownField}, with an {@code X} more while the entity has a key of that name. */
  private static String unknownKey(EntitySpec entity) {
    Set<String> keys = new java.util.HashSet<>(Set.of("id", "createdAt", "updatedAt"));
    entity.fields().forEach(f -> keys.add(f.name().camel()));
    for (RelationSpec relation : entity.relations()) {
      keys.add(GeneratedApi.toOneKey(relation));
      keys.add(GeneratedApi.toManyKey(relation));
    }
    String unknown = "unknownField";
    while (keys.contains(unknown)) {
      unknown = unknown + "X";
    }
    return unknown;
  }

  private static String invalidCase(String key, String value, String label) {
    return "[" + string(key) + ", " + value + ", " + string(label) + "]";
  }

  /** The lists at the top of {@code test/hostile.test.ts}. */
  Map<String, Object> hostile() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> entities = new ArrayList<>();
    List<Map<String, Object>> text = new ArrayList<>();
    List<Map<String, Object>> integers = new ArrayList<>();
    List<Map<String, Object>> integerFilters = new ArrayList<>();
    List<Map<String, Object>> decimals = new ArrayList<>();
    StringBuilder imports = new StringBuilder();
    for (EntitySpec entity : spec.entities()) {
      String url = string(GeneratedApi.collectionPath(entity));
      String pascal = entity.name().pascal();
      imports.append("create").append(pascal).append(", payload").append(pascal).append(", ");
      entities.add(
          Map.of(
              "urlLiteral",
              url,
              "createName",
              "create" + pascal,
              "payloadName",
              "payload" + pascal));
      integerFilters.add(keyed(url, "id", 64));
      for (FieldSpec field : entity.fields()) {
        String key = field.name().camel();
        switch (field.type()) {
          case STRING, TEXT -> text.add(keyed(url, key, 0));
          case INTEGER, LONG -> {
            int bits = field.type() == FieldType.INTEGER ? 32 : 64;
            integers.add(keyed(url, key, bits));
            if (!PAGING_PARAMS.contains(key)) {
              integerFilters.add(keyed(url, key, bits));
            }
          }
          case DECIMAL -> {
            if (!PAGING_PARAMS.contains(key)) {
              decimals.add(keyed(url, key, 0));
            }
          }
          default -> {}
        }
      }
      for (RelationSpec relation : Relations.ofKind(entity, RelationKind.MANY_TO_ONE)) {
        String key = GeneratedApi.toOneKey(relation);
        integers.add(keyed(url, key, 64));
        integerFilters.add(keyed(url, key, 64));
      }
    }
    m.put("factoryImports", imports.toString());
    m.put("hostileEntities", entities);
    m.put("hostileText", text);
    m.put("hostileIntegers", integers);
    m.put("hostileIntegerFilters", integerFilters);
    m.put("hostileDecimals", decimals);
    return m;
  }

  private static Map<String, Object> keyed(String url, String key, int bits) {
    return Map.of("urlLiteral", url, "keyLiteral", string(key), "bits", bits);
  }
}
