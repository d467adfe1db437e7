package io.backforge.templates.spec;

import java.math.BigDecimal;

/** Checks and normalizes the {@code min} and {@code max} of numeric fields. */
final class Bounds {

  private Bounds() {}

  /**
   * {@code value} normalized (no trailing zeros, no exponent), or {@code null} after reporting why
   * it does not fit a field of {@code type}. The range is checked first, so that a value such as
   * {@code 1e999999999} is never expanded.
   */
  static BigDecimal check(BigDecimal value, FieldType type, Pointer at, Problems problems) {
    boolean int32 = type == FieldType.INTEGER;
    BigDecimal lowest = BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigDecimal highest = BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
    if (value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
      problems.add(
          at, "must be between " + lowest + " and " + highest + " for a " + type.json() + " field");
      return null;
    }
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (type != FieldType.DECIMAL && stripped.scale() > 0) {
      problems.add(at, "must be a whole number for a " + type.json() + " field");
      return null;
    }
    if (stripped.scale() > Limits.MAX_DECIMAL_SCALE) {
      problems.add(
          at, "may have at most " + Limits.MAX_DECIMAL_SCALE + " digits after the decimal point");
      return null;
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
