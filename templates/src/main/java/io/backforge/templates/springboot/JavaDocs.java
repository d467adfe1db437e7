package io.backforge.templates.springboot;

/**
 * Javadoc text for descriptions from a spec or an enrichment: one line, with HTML, Javadoc tags,
 * comment ends and backslashes (which the compiler would read as Unicode escapes even inside a
 * comment) written as HTML character references, and everything outside printable ASCII too.
 */
final class JavaDocs {

  private JavaDocs() {}

  /** {@code text} safe inside a Javadoc comment on one line. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    text.strip()
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
              } else if (c < 0x20 || c == 0x7f) {
                out.append(' ');
              } else if (c > 0x7e || "&<>@*/\\{}".indexOf(c) >= 0) {
                out.append("&#").append(c).append(';');
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
