package io.backforge.templates.flask;

import io.backforge.templates.spec.FieldSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders values as Python source literals. Every string from a spec reaches generated Python only
 * through {@link #string(String)}, whose output is pure printable ASCII, so no quote, backslash,
 * newline, brace or non-ASCII character can end the literal or change the surrounding code.
 */
public final class PythonLiterals {

  private PythonLiterals() {}

  /**
   * A Python string literal equal to {@code value}, in printable ASCII: double-quoted unless the
   * value holds more double than single quotes (Black's choice, so the output is Black-stable).
   */
  public static String string(String value) {
    char quote = count(value, '"') > count(value, '\'') ? '\'' : '"';
    StringBuilder out = new StringBuilder(value.length() + 2).append(quote);
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> out.append("\\\\");
                case '"', '\'' -> out.append(c == quote ? "\\" : "").append((char) c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (c >= 0x20 && c < 0x7f) {
                    out.append((char) c);
                  } else if (c <= 0xff) {
                    out.append(String.format("\\x%02x", c));
                  } else if (c <= 0xffff) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.append(String.format("\\U%08x", c));
                  }
                }
              }
            });
    return out.append(quote).toString();
  }

  private static long count(String value, char c) {
    return value.chars().filter(x -> x == c).count();
  }

  /** A Python tuple literal of strings, {@code ()} when empty, with a trailing comma for one. */
  public static String stringTuple(List<String> values) {
    if (values.isEmpty()) {
      return "()";
    }
    String joined = values.stream().map(PythonLiterals::string).collect(Collectors.joining(", "));
    return "(" + joined + (values.size() == 1 ? ",)" : ")");
  }

  /** A Python decimal literal for a bound, as a plain string: {@code decimal.Decimal("1.5")}. */
  public static String decimal(BigDecimal value) {
    return "decimal.Decimal(" + string(value.toPlainString()) + ")";
  }

  /**
   * The Python value a field's default loads as, in the field's own type: {@code 12}, {@code True},
   * {@code decimal.Decimal("1.5")}, {@code datetime.date(2024, 1, 31)}, a string otherwise.
   */
  public static String defaultValue(FieldSpec field) {
    String value = field.defaultValue();
    return switch (field.type()) {
      case INTEGER, LONG -> value;
      case DECIMAL -> decimal(new BigDecimal(value));
      case BOOLEAN -> bool(Boolean.parseBoolean(value));
      case DATE -> {
        LocalDate date = LocalDate.parse(value);
        yield "datetime.date("
            + date.getYear()
            + ", "
            + date.getMonthValue()
            + ", "
            + date.getDayOfMonth()
            + ")";
      }
      default -> string(value);
    };
  }

  /**
   * The value the API answers for a field's default, as a Python literal of its JSON: a string for
   * dates, UUIDs and decimals (Flask answers decimals as strings), else as {@link #defaultValue}.
   */
  public static String answeredDefault(FieldSpec field) {
    return switch (field.type()) {
      case INTEGER, LONG, BOOLEAN -> defaultValue(field);
      default -> string(field.defaultValue());
    };
  }

  /** {@code True}, {@code False}. */
  public static String bool(boolean value) {
    return value ? "True" : "False";
  }
}
