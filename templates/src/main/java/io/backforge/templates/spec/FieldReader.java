package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one field of an entity, reporting every problem of its shape and constraints. */
final class FieldReader {

  static final List<String> PROPERTIES =
      List.of(
          "name",
          "type",
          "description",
          "required",
          "unique",
          "min",
          "max",
          "minLength",
          "maxLength",
          "pattern",
          "values");

  private static final Set<FieldType> NUMERIC =
      EnumSet.of(FieldType.INTEGER, FieldType.LONG, FieldType.DECIMAL);
  private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.STRING, FieldType.TEXT);
  private static final Set<FieldType> UNIQUE_UNSUPPORTED =
      EnumSet.of(FieldType.BOOLEAN, FieldType.TEXT);

  private final JsonObject json;
  private final Problems problems;
  private FieldType type;

  private FieldReader(JsonObject json, Problems problems) {
    this.json = json;
    this.problems = problems;
  }

  /**
   * What could be read of a field.
   *
   * @param name the field name, or {@code null} when it has problems
   * @param spec the field, or {@code null} when it has problems
   */
  record Read(Identifier name, FieldSpec spec) {}

  /** The field at {@code at}; every problem is reported. */
  static Read read(JsonNode node, Pointer at, Problems problems) {
    JsonObject json = JsonObject.read(node, at, problems, "a field", PROPERTIES);
    if (json == null) {
      return new Read(null, null);
    }
    FieldReader reader = new FieldReader(json, problems);
    Identifier name = reader.name();
    return new Read(name, reader.read(name));
  }

  private FieldSpec read(Identifier name) {
    int before = problems.size();
    type = type();
    String description = json.text("description", Limits.MAX_DESCRIPTION_LENGTH);
    boolean required = json.bool("required", false);
    boolean unique = unique();
    if (type == null) {
      return null;
    }
    BigDecimal min = bound("min");
    BigDecimal max = bound("max");
    checkOrder("min", min, "max", max);
    Integer minLength = length("minLength", 0);
    Integer maxLength = length("maxLength", 1);
    checkOrder("minLength", toDecimal(minLength), "maxLength", toDecimal(maxLength));
    String pattern = pattern();
    List<String> values = values();
    if (problems.size() > before || name == null) {
      return null;
    }
    return new FieldSpec(
        name, type, required, unique, min, max, minLength, maxLength, pattern, values, description);
  }

  private Identifier name() {
    if (!json.require("name", "give the field a lowerCamelCase name such as 'title'")) {
      return null;
    }
    String raw = json.string("name");
    return raw == null ? null : Names.FIELD.check(raw, json.at("name"), problems);
  }

  private FieldType type() {
    if (!json.require("type", "use one of: " + typeList(EnumSet.allOf(FieldType.class)))) {
      return null;
    }
    String raw = json.string("type");
    if (raw == null) {
      return null;
    }
    FieldType found = FieldType.fromJson(raw);
    if (found == null) {
      problems.add(
          json.at("type"),
          "unknown type '"
              + Text.clip(raw)
              + "'; use one of: "
              + typeList(EnumSet.allOf(FieldType.class)));
    }
    return found;
  }

  private boolean unique() {
    boolean unique = json.bool("unique", false);
    if (unique && type != null && UNIQUE_UNSUPPORTED.contains(type)) {
      problems.add(
          json.at("unique"),
          "a " + type.json() + " field cannot be unique; remove 'unique' or change the type");
      return false;
    }
    return unique;
  }

  private boolean applies(String key, Set<FieldType> types) {
    if (!json.has(key) || types.contains(type)) {
      return json.has(key);
    }
    problems.add(
        json.at(key),
        "'"
            + key
            + "' applies only to "
            + typeList(types)
            + " fields, not to "
            + type.json()
            + "; remove it or change the type");
    return false;
  }

  private BigDecimal bound(String key) {
    if (!applies(key, NUMERIC)) {
      return null;
    }
    JsonNode value = json.value(key);
    if (!value.isNumber()) {
      json.typeError(key, "a number");
      return null;
    }
    return Bounds.check(value.decimalValue(), type, json.at(key), problems);
  }

  private Integer length(String key, int least) {
    if (!applies(key, TEXTUAL)) {
      return null;
    }
    JsonNode value = json.value(key);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      json.typeError(key, "a whole number between " + least + " and " + Limits.MAX_STRING_LENGTH);
      return null;
    }
    int length = value.intValue();
    if (length < least || length > Limits.MAX_STRING_LENGTH) {
      problems.add(
          json.at(key),
          key
              + " ("
              + length
              + ") must be between "
              + least
              + " and "
              + Limits.MAX_STRING_LENGTH
              + "; use "
              + (length < least ? least : "'text' without maxLength for longer values"));
      return null;
    }
    return length;
  }

  private void checkOrder(String lowKey, BigDecimal low, String highKey, BigDecimal high) {
    if (low != null && high != null && low.compareTo(high) > 0) {
      problems.add(
          json.at(lowKey),
          lowKey
              + " ("
              + low.toPlainString()
              + ") must not be greater than "
              + highKey
              + " ("
              + high.toPlainString()
              + "); swap them or fix one");
    }
  }

  private String pattern() {
    if (!applies("pattern", EnumSet.of(FieldType.STRING))) {
      return null;
    }
    String pattern = json.string("pattern");
    if (pattern == null) {
      return null;
    }
    if (pattern.isEmpty() || Text.length(pattern) > Limits.MAX_PATTERN_LENGTH) {
      problems.add(
          json.at("pattern"),
          "must be a regular expression of 1 to "
              + Limits.MAX_PATTERN_LENGTH
              + " characters; shorten it or remove 'pattern'");
      return null;
    }
    PythonRegex.problem(pattern).ifPresent(problem -> problems.add(json.at("pattern"), problem));
    return pattern;
  }

  private List<String> values() {
    if (type == FieldType.ENUM && !json.has("values")) {
      json.require("values", "list the allowed values of the enum, such as [\"NEW\", \"DONE\"]");
      return List.of();
    }
    if (!applies("values", EnumSet.of(FieldType.ENUM))) {
      return List.of();
    }
    ArrayNode array = json.array("values");
    if (array == null) {
      return List.of();
    }
    return EnumValues.read(array, json.at("values"), problems);
  }

  private static BigDecimal toDecimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  private static String typeList(Set<FieldType> types) {
    return Arrays.stream(FieldType.values())
        .filter(types::contains)
        .map(FieldType::json)
        .collect(Collectors.joining(", "));
  }

  /** The values of an enum field. */
  private static final class EnumValues {

    private EnumValues() {}

    static List<String> read(ArrayNode array, Pointer at, Problems problems) {
      if (array.isEmpty() || array.size() > Limits.MAX_ENUM_VALUES) {
        problems.add(
            at,
            "an enum needs 1 to "
                + Limits.MAX_ENUM_VALUES
                + " values, not "
                + array.size()
                + (array.isEmpty() ? "; list the allowed values" : "; use a related entity"));
        return List.of();
      }
      List<String> values = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        String value = value(array.get(i), at.at(i), problems);
        if (value != null && !seen.add(value)) {
          problems.add(at.at(i), "'" + Text.clip(value) + "' is listed twice; remove one");
        }
        values.add(value);
      }
      return values;
    }

    private static String value(JsonNode node, Pointer at, Problems problems) {
      if (!node.isTextual()) {
        problems.add(at, "must be a string in double quotes, not " + JsonObject.describe(node));
        return null;
      }
      String value = node.textValue();
      if (value.isEmpty() || Text.length(value) > Limits.MAX_ENUM_VALUE_LENGTH) {
        problems.add(
            at,
            "an enum value must have 1 to "
                + Limits.MAX_ENUM_VALUE_LENGTH
                + " characters, not "
                + Text.length(value));
        return null;
      }
      if (value.codePoints().anyMatch(Character::isISOControl)) {
        problems.add(at, "must not contain control characters such as line breaks or tabs");
        return null;
      }
      return value;
    }
  }
}
