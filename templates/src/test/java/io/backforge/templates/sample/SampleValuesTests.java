package io.backforge.templates.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import io.backforge.templates.spec.Identifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SampleValuesTests {

  private static FieldSpec field(FieldType type) {
    return new FieldSpec(
        Identifier.of("value"), type, true, true, null, null, null, null, null, List.of(), null);
  }

  private static FieldSpec text(Integer minLength, Integer maxLength, String pattern) {
    return new FieldSpec(
        Identifier.of("code"),
        FieldType.STRING,
        true,
        true,
        null,
        null,
        minLength,
        maxLength,
        pattern,
        List.of(),
        null);
  }

  private static FieldSpec number(FieldType type, String min, String max) {
    return new FieldSpec(
        Identifier.of("amount"),
        type,
        true,
        false,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        null,
        null,
        null,
        List.of(),
        null);
  }

  @Test
  void patternValuesMatchInFullAndRespectLengthBounds() {
    FieldSpec field = text(3, 6, "^[a-z\"\\\\]{2,9}$");

    List<Object> values = SampleValues.valid(field, 8, 42);

    assertThat(values).hasSize(8).doesNotHaveDuplicates();
    Pattern pattern = Pattern.compile(field.pattern());
    for (Object value : values) {
      String s = (String) value;
      assertThat(pattern.matcher(s).matches()).as(s).isTrue();
      assertThat(s.length()).isBetween(3, 6);
    }
  }

  @Test
  void sameSeedGivesSameValuesAndAnotherSeedOtherValues() {
    FieldSpec field = text(null, null, "[A-Z]{3}-[0-9]{4}");

    assertThat(SampleValues.valid(field, 5, 7)).isEqualTo(SampleValues.valid(field, 5, 7));
    assertThat(SampleValues.valid(field, 5, 7)).isNotEqualTo(SampleValues.valid(field, 5, 8));
  }

  @Test
  void textWithoutPatternFitsTightLengthBounds() {
    FieldSpec field = text(4, 4, null);

    List<Object> values = SampleValues.valid(field, 8, 1);

    assertThat(values).hasSize(8).doesNotHaveDuplicates();
    assertThat(values).allMatch(v -> ((String) v).length() == 4);
  }

  @Test
  void unsatisfiableConstraintsGiveNoValueInsteadOfAWrongOne() {
    FieldSpec field = text(5, null, "^a{1,3}$");

    assertThat(SampleValues.valid(field, 3, 1)).isEmpty();
    assertThat(SampleValues.violations(field, 1))
        .allMatch(v -> !SampleValues.satisfies(field, v.value()));
  }

  @Test
  void numbersStayWithinBounds() {
    FieldSpec integer = number(FieldType.INTEGER, "-2", "3");
    FieldSpec decimal = number(FieldType.DECIMAL, "0.5", "1.25");

    assertThat(SampleValues.valid(integer, 10, 1))
        .containsExactly(
            BigInteger.valueOf(-2),
            BigInteger.valueOf(-1),
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            BigInteger.valueOf(3));
    assertThat(SampleValues.valid(decimal, 10, 1)).containsExactly("0.75", "0.5");
  }

  @Test
  void everyConstraintGetsAViolatingValueThatBreaksIt() {
    FieldSpec code = text(2, 5, "[a-z]+");
    FieldSpec amount = number(FieldType.LONG, "1", "10");
    FieldSpec status =
        new FieldSpec(
            Identifier.of("status"),
            FieldType.ENUM,
            true,
            false,
            null,
            null,
            null,
            null,
            null,
            List.of("NEW", "NOT_A_VALUE"),
            null);

    assertThat(SampleValues.violations(code, 3))
        .extracting(SampleValues.Violation::rule)
        .containsExactly("type", "minLength", "maxLength", "pattern");
    assertThat(SampleValues.violations(amount, 3))
        .extracting(SampleValues.Violation::rule)
        .containsExactly("type", "min", "max");
    assertThat(SampleValues.violations(status, 3))
        .extracting(SampleValues.Violation::value)
        .containsExactly(BigInteger.valueOf(12345), "NOT_A_VALUE_");
    for (FieldSpec field : List.of(code, amount, status)) {
      assertThat(SampleValues.violations(field, 3))
          .allMatch(v -> !SampleValues.satisfies(field, v.value()), field.name().value());
    }
  }

  @Test
  void patternViolationKeepsWithinLengthBoundsSoOnlyThePatternFails() {
    FieldSpec code = text(2, 5, "[a-z]+");

    Object value =
        SampleValues.violations(code, 3).stream()
            .filter(v -> v.rule().equals("pattern"))
            .findFirst()
            .orElseThrow()
            .value();

    assertThat(((String) value).length()).isBetween(2, 5);
    assertThat(Pattern.compile("[a-z]+").matcher((String) value).matches()).isFalse();
  }

  @Test
  void everyTypeHasDistinctValidValues() {
    for (FieldType type : FieldType.values()) {
      FieldSpec field =
          type == FieldType.ENUM
              ? new FieldSpec(
                  Identifier.of("kind"),
                  type,
                  true,
                  true,
                  null,
                  null,
                  null,
                  null,
                  null,
                  List.of("A", "B", "C"),
                  null)
              : field(type);

      List<Object> values = SampleValues.valid(field, 3, 9);

      int expected = type == FieldType.BOOLEAN ? 2 : 3;
      assertThat(values).as(type.json()).hasSize(expected).doesNotHaveDuplicates();
      assertThat(values).allMatch(v -> SampleValues.satisfies(field, v), type.json());
    }
  }
}
