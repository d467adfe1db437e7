package io.backforge.templates.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
          "values",
          "default");

  private static final Set<FieldType> NUMERIC =
      EnumSet.of(FieldType.INTEGER, FieldType.LONG, FieldType.DECIMAL);
  private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.STRING, FieldType.TEXT);
  private static final Set<FieldType> UNIQUE_UNSUPPORTED =
      EnumSet.of(FieldType.BOOLEAN, FieldType.TEXT);

  /**
   * The types a default applies to: not text (MySQL gives TEXT columns no literal default) and not
   * datetime (a fixed instant is rarely what a model means, and "now" is what createdAt is for).
   */
  private static final Set<FieldType> DEFAULTABLE =
      EnumSet.complementOf(EnumSet.of(FieldType.TEXT, FieldType.DATETIME));

  /** The length of a string column without maxLength, in every stack. */
  static final int DEFAULT_STRING_COLUMN_LENGTH = 255;

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
    FieldSpec field =
        new FieldSpec(
            name,
            type,
            required,
            unique,
            min,
            max,
            minLength,
            maxLength,
            pattern,
            values,
            description);
    String defaultValue = defaultValue(field);
    if (problems.size() > before) {
      return null;
    }
    return field.withDefault(defaultValue);
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
    boolean infinite =
        (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue());
    if (!value.isNumber() || infinite) {
      json.typeError(key, "a finite number");
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

  /**
   * The field's {@code default} as canonical text, or {@code null} when it has none or after
   * reporting why it does not fit the field: its type, bounds, length, pattern or values.
   */
  private String defaultValue(FieldSpec field) {
    if (!applies("default", DEFAULTABLE)) {
      return null;
    }
    Pointer at = json.at("default");
    if (field.required()) {
      problems.add(
          at,
          "a required field is given on every create, so its default would never apply;"
              + " remove 'default' or 'required'");
      return null;
    }
    JsonNode value = json.value("default");
    return switch (field.type()) {
      case INTEGER, LONG, DECIMAL -> numberDefault(field, value, at);
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          json.typeError("default", "true or false");
          yield null;
        }
        yield Boolean.toString(value.booleanValue());
      }
      default -> textDefault(field, value, at);
    };
  }

  private String numberDefault(FieldSpec field, JsonNode value, Pointer at) {
    boolean infinite =
        (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue());
    if (!value.isNumber() || infinite) {
      json.typeError("default", "a finite number");
      return null;
    }
    BigDecimal number = Bounds.check(value.decimalValue(), field.type(), at, problems);
    if (number == null) {
      return null;
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      problems.add(
          at,
          "the default ("
              + number.toPlainString()
              + ") is below min ("
              + field.min().toPlainString()
              + "); change one of them");
      return null;
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      problems.add(
          at,
          "the default ("
              + number.toPlainString()
              + ") is above max ("
              + field.max().toPlainString()
              + "); change one of them");
      return null;
    }
    return number.toPlainString();
  }

  private String textDefault(FieldSpec field, JsonNode value, Pointer at) {
    if (!value.isTextual()) {
      json.typeError("default", "a string in double quotes");
      return null;
    }
    String text = value.textValue();
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(at, "a default must not contain control characters such as line breaks");
      return null;
    }
    return switch (field.type()) {
      case ENUM -> {
        if (!field.values().contains(text)) {
          problems.add(
              at,
              "the default '"
                  + Text.clip(text)
                  + "' is not one of the values: "
                  + Text.clipList(field.values()));
          yield null;
        }
        yield text;
      }
      case DATE -> {
        try {
          yield LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toString();
        } catch (DateTimeParseException e) {
          problems.add(at, "a date default is written YYYY-MM-DD, such as \"2024-01-31\"");
          yield null;
        }
      }
      case UUID -> {
        if (!UUID_TEXT.matcher(text).matches()) {
          problems.add(
              at,
              "a uuid default is written as 32 hex digits in groups of 8-4-4-4-12, such as"
                  + " \"123e4567-e89b-12d3-a456-426614174000\"");
          yield null;
        }
        yield text.toLowerCase(Locale.ROOT);
      }
      default -> stringDefault(field, text, at);
    };
  }

  private String stringDefault(FieldSpec field, String text, Pointer at) {
    int length = Text.length(text);
    int least = field.minLength() == null ? 0 : field.minLength();
    int most = field.maxLength() == null ? DEFAULT_STRING_COLUMN_LENGTH : field.maxLength();
    if (length < least || length > most) {
      problems.add(
          at,
          "the default has "
              + length
              + " characters, but the field takes "
              + least
              + " to "
              + most
              + "; change the default or the field's "
              + (length < least ? "minLength" : "maxLength"));
      return null;
    }
    if (field.pattern() == null) {
      return text;
    }
    Optional<Boolean> matches = PythonRegex.matches(field.pattern(), text);
    if (matches.isEmpty()) {
      problems.add(
          at,
          "checking the default against the field's pattern takes too long (the pattern"
              + " backtracks); simplify the pattern");
      return null;
    }
    if (!matches.get()) {
      problems.add(
          at,
          "the default '"
              + Text.clip(text)
              + "' does not match the field's pattern "
              + Text.clip(field.pattern()));
      return null;
    }
    return text;
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
