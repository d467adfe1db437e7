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
    String description) {

  public FieldSpec {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
