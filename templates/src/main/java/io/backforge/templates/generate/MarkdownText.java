package io.backforge.templates.generate;

/**
 * Renders free text from a spec inside Markdown (README) as one inert line: no heading, list, link,
 * HTML, code or table syntax can start, and line breaks become spaces.
 */
public final class MarkdownText {

  private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&\"'=:";

  private MarkdownText() {}

  /** {@code text} with Markdown punctuation backslash-escaped, control characters as spaces. */
  public static String inline(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(' ');
              } else if (c < 0x80 && SPECIAL.indexOf(c) >= 0) {
                out.append('\\').appendCodePoint(c);
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString().strip();
  }
}
