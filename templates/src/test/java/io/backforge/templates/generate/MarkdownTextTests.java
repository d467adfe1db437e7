package io.backforge.templates.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTests {

  @Test
  void lineBreaksAndControlCharactersBecomeSpaces() {
    assertThat(MarkdownText.inline("one\ntwo\r\nthree\u2028four\tfive"))
        .isEqualTo("one two  three four five");
  }

  @Test
  void markdownSyntaxIsEscaped() {
    assertThat(MarkdownText.inline("# Title")).isEqualTo("\\# Title");
    assertThat(MarkdownText.inline("<script>|[link](x)`code`*b*"))
        .isEqualTo("\\<script\\>\\|\\[link\\]\\(x\\)\\`code\\`\\*b\\*");
    assertThat(MarkdownText.inline("back\\slash {{x}}")).isEqualTo("back\\\\slash \\{\\{x\\}\\}");
  }

  @Test
  void nonAsciiTextIsKept() {
    assertThat(MarkdownText.inline("na\u00efve \u2603 \uD834\uDD1E"))
        .isEqualTo("na\u00efve \u2603 \uD834\uDD1E");
  }

  @Test
  void missingTextIsEmpty() {
    assertThat(MarkdownText.inline(null)).isEmpty();
  }
}
