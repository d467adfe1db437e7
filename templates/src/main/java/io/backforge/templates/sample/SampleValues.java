package io.backforge.templates.sample;

import com.github.curiousoddman.rgxgen.RgxGen;
import io.backforge.templates.spec.FieldSpec;
import io.backforge.templates.spec.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds request values for the generated tests: valid values that satisfy every constraint of a
 * field, and for each constraint a value that breaks it. Values are JSON-shaped: {@link String},
 * {@link BigInteger} or {@link Boolean}; decimals travel as strings so they round-trip exactly.
 * Every value is checked against {@link #satisfies} before it is returned; when none can be found,
 * the value is left out rather than guessed. Deterministic: randomness comes only from a seed.
 */
public final class SampleValues {

  /** Compiled spec patterns, least recently used evicted, so a long-running worker stays small. */
  private static final java.util.Map<String, Pattern> PATTERNS =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Pattern> eldest) {
              return size() > 512;
            }
          });

  /**
   * Longest {@code string} value when the spec gives no {@code maxLength}; also the column size.
   */
  public static final int DEFAULT_STRING_LENGTH = 255;

  /** Digits after the decimal point a {@code decimal} column keeps. */
  public static final int DECIMAL_SCALE = 6;

  /** Total digits a {@code decimal} column keeps. */
  public static final int DECIMAL_PRECISION = 20;

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final int ATTEMPTS = 400;
  private static final List<String> NOT_MATCHING_CANDIDATES =
      List.of("", " ", "!", "~", "a b", "0", "a", "Z", "@", "-", "@@", "x@", "..", "?!?!");

  /**
   * A value that breaks one constraint.
   *
   * @param rule the constraint: {@code type}, {@code min}, {@code max}, {@code minLength}, {@code
   *     maxLength}, {@code pattern} or {@code enum}
   * @param value the value to send
   */
  public record Violation(String rule, Object value) {}

  private SampleValues() {}

  /** Up to {@code count} distinct valid values of {@code field}, the same for the same seed. */
  public static List<Object> valid(FieldSpec field, int count, long seed) {
    Set<Object> found = new LinkedHashSet<>();
    for (Object candidate : candidates(field, count, seed)) {
      if (found.size() == count) {
        break;
      }
      if (satisfies(field, candidate)) {
        found.add(candidate);
      }
    }
    return List.copyOf(found);
  }

  /**
   * One value per constraint of {@code field} that breaks it, skipping those none was found for.
   */
  public static List<Violation> violations(FieldSpec field, long seed) {
    List<Violation> out = new ArrayList<>();
    addIfInvalid(out, field, "type", wrongType(field.type()));
    if (isNumeric(field.type())) {
      if (field.min() != null) {
        addIfInvalid(out, field, "min", number(field.type(), field.min(), -1));
      }
      if (field.max() != null) {
        addIfInvalid(out, field, "max", number(field.type(), field.max(), 1));
      }
    }
    if (isText(field.type())) {
      List<Object> valid = valid(field, 1, seed);
      String base = valid.isEmpty() ? "" : (String) valid.get(0);
      if (field.minLength() != null && field.minLength() > 0) {
        addIfInvalid(out, field, "minLength", prefix(base, field.minLength() - 1));
      }
      Integer maxLength = maxLength(field);
      if (maxLength != null) {
        String longer = base + "a".repeat(Math.max(1, maxLength + 1 - length(base)));
        addIfInvalid(out, field, "maxLength", longer);
      }
      if (field.pattern() != null) {
        String notMatching = notMatching(field, seed);
        if (notMatching != null) {
          out.add(new Violation("pattern", notMatching));
        }
      }
    }
    if (field.type() == FieldType.ENUM) {
      String value = "NOT_A_VALUE";
      while (field.values().contains(value)) {
        value = value + "_";
      }
      addIfInvalid(out, field, "enum", value);
    }
    return out;
  }

  /** Whether {@code value} is acceptable for {@code field}; {@code null} never is. */
  public static boolean satisfies(FieldSpec field, Object value) {
    if (value == null) {
      return false;
    }
    return switch (field.type()) {
      case STRING, TEXT -> value instanceof String s && textFits(field, s);
      case INTEGER -> value instanceof BigInteger i && inRange(i, INT_MIN, INT_MAX, field);
      case LONG -> value instanceof BigInteger i && inRange(i, LONG_MIN, LONG_MAX, field);
      case DECIMAL -> value instanceof String s && decimalFits(field, s);
      case BOOLEAN -> value instanceof Boolean;
      case DATE -> value instanceof String s && parses(() -> LocalDate.parse(s));
      case DATETIME ->
          value instanceof String s
              && s.endsWith("Z")
              && parses(() -> LocalDateTime.parse(s.substring(0, s.length() - 1)));
      case UUID ->
          value instanceof String s
              && s.length() == 36
              && parses(() -> java.util.UUID.fromString(s))
              && s.equals(s.toLowerCase(java.util.Locale.ROOT));
      case ENUM -> value instanceof String s && field.values().contains(s);
    };
  }

  /** The effective maximum length of a text field, {@code null} for unbounded {@code text}. */
  public static Integer maxLength(FieldSpec field) {
    if (field.maxLength() != null) {
      return field.maxLength();
    }
    return field.type() == FieldType.STRING ? DEFAULT_STRING_LENGTH : null;
  }

  private static List<Object> candidates(FieldSpec field, int count, long seed) {
    List<Object> out = new ArrayList<>();
    switch (field.type()) {
      case STRING, TEXT -> out.addAll(textCandidates(field, count, seed));
      case INTEGER, LONG -> {
        BigInteger start = integerStart(field, count);
        for (int i = 0; i < count * 2; i++) {
          out.add(start.add(BigInteger.valueOf(i)));
        }
      }
      case DECIMAL -> {
        BigDecimal start = decimalStart(field, count);
        for (int i = 0; i < count * 2; i++) {
          BigDecimal whole = start.add(BigDecimal.valueOf(i));
          out.add(whole.add(new BigDecimal("0.25")).toPlainString());
          out.add(whole.toPlainString());
        }
      }
      case BOOLEAN -> out.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
      case DATE -> {
        for (int i = 0; i < count; i++) {
          out.add(LocalDate.of(2024, 1, 15).plusDays(i * 3L).toString());
        }
      }
      case DATETIME -> {
        for (int i = 0; i < count; i++) {
          out.add(LocalDateTime.of(2024, 1, 15, 9, 30, 0).plusHours(i * 5L) + ":00Z");
        }
      }
      case UUID -> {
        for (int i = 0; i < count; i++) {
          String name = field.name().value() + "#" + seed + "#" + i;
          out.add(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
      }
      case ENUM -> out.addAll(field.values());
    }
    return out;
  }

  private static List<String> textCandidates(FieldSpec field, int count, long seed) {
    List<String> out = new ArrayList<>();
    if (field.pattern() != null) {
      RgxGen generator = RgxGen.parse(field.pattern());
      Random random = new Random(seed);
      for (int i = 0; i < ATTEMPTS && out.size() < count * 4; i++) {
        String candidate = generator.generate(random);
        if (printableAscii(candidate)) {
          out.add(candidate);
        }
      }
      return out;
    }
    int min = field.minLength() == null ? 0 : field.minLength();
    Integer max = maxLength(field);
    String prefix = field.name().camel() + "-";
    for (int i = 0; i < count; i++) {
      String suffix = Integer.toString(i);
      String head = prefix;
      if (max != null && head.length() + suffix.length() > max) {
        head = head.substring(0, Math.max(0, max - suffix.length()));
      }
      int padding = Math.max(0, min - head.length() - suffix.length());
      out.add(head + "x".repeat(padding) + suffix);
    }
    return out;
  }

  private static BigInteger integerStart(FieldSpec field, int count) {
    BigInteger start =
        field.min() != null
            ? field.min().setScale(0, RoundingMode.CEILING).toBigIntegerExact()
            : BigInteger.ONE;
    if (field.max() != null) {
      BigInteger max = field.max().setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
      BigInteger last = start.add(BigInteger.valueOf(count - 1L));
      if (last.compareTo(max) > 0) {
        BigInteger lowered = max.subtract(BigInteger.valueOf(count - 1L));
        start = field.min() == null ? lowered : start.max(lowered);
      }
    }
    return start;
  }

  private static BigDecimal decimalStart(FieldSpec field, int count) {
    BigDecimal start = field.min() != null ? field.min() : BigDecimal.TEN;
    if (field.max() != null && start.add(BigDecimal.valueOf(count)).compareTo(field.max()) > 0) {
      BigDecimal lowered = field.max().subtract(BigDecimal.valueOf(count));
      start = field.min() == null ? lowered : start.max(lowered);
    }
    return start;
  }

  private static Object wrongType(FieldType type) {
    return switch (type) {
      case STRING, TEXT, ENUM -> BigInteger.valueOf(12345);
      case INTEGER, LONG, DECIMAL -> "not-a-number";
      case BOOLEAN -> "maybe";
      case DATE -> "not-a-date";
      case DATETIME -> "not-a-datetime";
      case UUID -> "not-a-uuid";
    };
  }

  private static Object number(FieldType type, BigDecimal bound, int step) {
    if (type == FieldType.DECIMAL) {
      return bound.add(BigDecimal.valueOf(step)).toPlainString();
    }
    BigDecimal rounded = bound.setScale(0, step < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
    return rounded.toBigIntegerExact().add(BigInteger.valueOf(step));
  }

  private static String notMatching(FieldSpec field, long seed) {
    Pattern pattern = compiled(field.pattern());
    RgxGen generator = RgxGen.parse(field.pattern());
    Random random = new Random(seed);
    for (int i = 0; i < 50; i++) {
      String candidate = generator.generateNotMatching(random);
      if (violatesOnlyThePattern(field, pattern, candidate)) {
        return candidate;
      }
    }
    List<String> candidates = new ArrayList<>();
    List<Object> valid = valid(field, 1, seed);
    if (!valid.isEmpty()) {
      candidates.add(valid.get(0) + "!");
      candidates.add(" " + valid.get(0));
    }
    candidates.addAll(NOT_MATCHING_CANDIDATES);
    for (String candidate : candidates) {
      if (violatesOnlyThePattern(field, pattern, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean violatesOnlyThePattern(FieldSpec field, Pattern pattern, String value) {
    return printableAscii(value) && lengthFits(field, value) && !pattern.matcher(value).matches();
  }

  /** A spec's patterns are checked thousands of times per generation: compile each once. */
  private static Pattern compiled(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }

  private static void addIfInvalid(List<Violation> out, FieldSpec field, String rule, Object v) {
    if (v != null && !satisfies(field, v)) {
      out.add(new Violation(rule, v));
    }
  }

  private static boolean textFits(FieldSpec field, String value) {
    return lengthFits(field, value)
        && (field.pattern() == null || compiled(field.pattern()).matcher(value).matches());
  }

  private static boolean lengthFits(FieldSpec field, String value) {
    int length = length(value);
    Integer max = maxLength(field);
    return (field.minLength() == null || length >= field.minLength())
        && (max == null || length <= max);
  }

  private static boolean inRange(BigInteger value, BigInteger lo, BigInteger hi, FieldSpec f) {
    BigDecimal decimal = new BigDecimal(value);
    return value.compareTo(lo) >= 0
        && value.compareTo(hi) <= 0
        && (f.min() == null || decimal.compareTo(f.min()) >= 0)
        && (f.max() == null || decimal.compareTo(f.max()) <= 0);
  }

  private static boolean decimalFits(FieldSpec field, String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return false;
    }
    BigDecimal limit = BigDecimal.TEN.pow(DECIMAL_PRECISION - DECIMAL_SCALE);
    return Math.max(value.scale(), 0) <= DECIMAL_SCALE
        && value.abs().compareTo(limit) < 0
        && (field.min() == null || value.compareTo(field.min()) >= 0)
        && (field.max() == null || value.compareTo(field.max()) <= 0);
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isNumeric(FieldType type) {
    return type == FieldType.INTEGER || type == FieldType.LONG || type == FieldType.DECIMAL;
  }

  private static boolean isText(FieldType type) {
    return type == FieldType.STRING || type == FieldType.TEXT;
  }

  private static boolean printableAscii(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  private static String prefix(String value, int codePoints) {
    if (length(value) < codePoints) {
      return value + "a".repeat(codePoints - length(value));
    }
    return value.substring(0, value.offsetByCodePoints(0, codePoints));
  }
}
