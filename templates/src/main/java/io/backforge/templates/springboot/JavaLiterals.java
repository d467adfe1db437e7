package io.backforge.templates.springboot;

/**
 * Java string literals for any text. Everything outside printable ASCII becomes a {@code \\uXXXX}
 * escape, so a generated source file is plain ASCII whatever the spec holds; a backslash is always
 * doubled first, so the compiler never reads a Unicode escape the spec did not mean.
 */
public final class JavaLiterals {

  private JavaLiterals() {}

  /** {@code text} as a double-quoted Java string literal. */
  public static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
