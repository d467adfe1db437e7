package io.backforge.templates.spec;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scalar field of an entity with its constraints. Constraints that do not apply to the type are
 * {@code null}; the validator rejects them.
 *
 * @param name the field name in camelCase
 * @param type the field type
 * @param required whether a value must be given
 * @param unique whether values must differ between rows
 * @param min inclusive lower bound for numeric types, or {@code null}
 * @param max inclusive upper bound for numeric types, or {@code null}
 * @param minLength minimum length for string and text, or {@code null}
 * @param maxLength maximum length for string and text, or {@code null}
 * @param pattern a regular expression a string must match in full, or {@code null}
 * @param values the allowed values of an enum field, empty otherwise
 * @param description optional free text
 * @param defaultValue the value a create takes when the property is absent, as canonical text (a
 *     number in plain notation, {@code true} or {@code false}, a string, date, UUID or enum value
 *     as it is), checked against the type and every constraint; or {@code null}
 */
public record FieldSpec(
    Identifier name,
    FieldType type,
    boolean required,
    boolean unique,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    List<String> values,
    String description,
    String defaultValue) {

  public FieldSpec {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** A field without a default. */
  public FieldSpec(
      Identifier name,
      FieldType type,
      boolean required,
      boolean unique,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      List<String> values,
      String description) {
    this(
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
        description,
        null);
  }

  /** Whether a row may hold null here: the field is neither required nor defaulted. */
  public boolean nullable() {
    return !required && defaultValue == null;
  }

  /** This field with {@code defaultValue} as its default ({@code null}: none). */
  public FieldSpec withDefault(String defaultValue) {
    return new FieldSpec(
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
        description,
        defaultValue);
  }

  /** This field with {@code description} instead of its own. */
  public FieldSpec withDescription(String description) {
    return new FieldSpec(
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
        description,
        defaultValue);
  }
}
