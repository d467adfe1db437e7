package io.backforge.templates.enrich;

import java.util.List;
import java.util.Optional;

/**
 * Checks on text written by a language model before it may be rendered as data. Rendering escapes
 * it anyway; these checks keep out what a description or sample value never needs and an injection
 * attempt usually has: control characters, markup and template delimiters, code fences, links.
 */
final class AiText {

  private static final String FORBIDDEN_CHARACTERS = "<>`{}\\";
  private static final List<String> FORBIDDEN_SEQUENCES = List.of("://", "${", "#{", "%{", "<%");

  private AiText() {}

  /** Why {@code text} cannot be used as one line of at most {@code maxLength} characters. */
  static Optional<String> lineProblem(String text, int maxLength) {
    if (text.isBlank()) {
      return Optional.of("is empty");
    }
    int length = text.codePointCount(0, text.length());
    if (length > maxLength) {
      return Optional.of("is " + length + " characters long, more than " + maxLength);
    }
    return contentProblem(text);
  }

  /** Why {@code text} cannot be used as data at all, whatever its length. */
  static Optional<String> contentProblem(String text) {
    if (text.codePoints().anyMatch(AiText::isControl)) {
      return Optional.of("contains control characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (FORBIDDEN_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
        return Optional.of("contains '" + text.charAt(i) + "', which looks like markup or code");
      }
    }
    for (String sequence : FORBIDDEN_SEQUENCES) {
      if (text.contains(sequence)) {
        return Optional.of("contains '" + sequence + "', which looks like a link or code");
      }
    }
    return Optional.empty();
  }

  /** {@code text} shortened and made printable for quoting in a warning. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(40).forEach(c -> out.appendCodePoint(isControl(c) ? '?' : c));
    return "'" + out + (text.codePointCount(0, text.length()) > 40 ? "...'" : "'");
  }

  private static boolean isControl(int c) {
    return Character.isISOControl(c)
        || c == 0x2028
        || c == 0x2029
        || Character.getType(c) == Character.FORMAT;
  }
}
