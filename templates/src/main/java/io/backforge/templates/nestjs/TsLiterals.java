package io.backforge.templates.nestjs;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TypeScript literals for values that come from a spec. Strings are double-quoted and kept to
 * printable ASCII (everything else as {@code \}{@code uXXXX}), so a literal is also a JSON string
 * and no value can end it, start a template or leave the file's encoding.
 */
final class TsLiterals {

  private static final BigInteger MAX_SAFE = BigInteger.valueOf((1L << 53) - 1);

  private TsLiterals() {}

  /** A string literal equal to {@code value}. */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A long run of {@code a} that pads a too-long sample, as {@code "head" + "a".repeat(n)}. */
  private static String padded(String value) {
    int head = value.length();
    while (head > 0 && value.charAt(head - 1) == 'a') {
      head--;
    }
    int run = value.length() - head;
    return run < 16
        ? string(value)
        : string(value.substring(0, head)) + " + \"a\".repeat(" + run + ")";
  }

  /** {@code values} as string literals separated by {@code ", "}: the inside of an array. */
  static String strings(List<String> values) {
    return values.stream().map(TsLiterals::string).collect(Collectors.joining(", "));
  }

  /**
   * A literal of a sample or invalid value: strings, booleans, integers ({@link BigInteger}), lists
   * and {@code null}. An integer beyond 2^53, which a JavaScript number would round (and ESLint
   * refuses as a literal), is written as the string of its digits.
   */
  static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return padded(s);
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof BigInteger i) {
      return i.abs().compareTo(MAX_SAFE) > 0 ? string(i.toString()) : i.toString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof List<?> list) {
      return "[" + list.stream().map(TsLiterals::value).collect(Collectors.joining(", ")) + "]";
    }
    throw new IllegalArgumentException("no TypeScript literal for " + value.getClass());
  }
}
