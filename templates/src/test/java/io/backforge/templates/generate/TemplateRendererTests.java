package io.backforge.templates.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.MustacheException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTests {

  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void rendersWithoutHtmlEscaping() {
    String out = renderer.render("test/sample.txt.mustache", model("<a href=\"x\">&</a>", true));

    assertThat(out).isEqualTo("value: <a href=\"x\">&</a>\n- one\n- two\nflag on\n");
  }

  @Test
  void missingVariableFailsTheRender() {
    assertThatThrownBy(() -> renderer.render("test/sample.txt.mustache", Map.of("flag", true)))
        .isInstanceOf(MustacheException.class);
  }

  @Test
  void missingSectionFailsTheRender() {
    Map<String, Object> model = Map.of("value", "v", "items", List.of());

    assertThatThrownBy(() -> renderer.render("test/sample.txt.mustache", model))
        .isInstanceOf(MustacheException.class);
  }

  @Test
  void unknownTemplateIsRejected() {
    assertThatThrownBy(() -> renderer.render("test/missing.mustache", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renderingTwiceGivesTheSameText() {
    Map<String, Object> model = model("{{not a tag}}", false);

    String first = renderer.render("test/sample.txt.mustache", model);

    assertThat(renderer.render("test/sample.txt.mustache", model)).isEqualTo(first);
    assertThat(first).startsWith("value: {{not a tag}}\n").doesNotContain("flag on");
  }

  private static Map<String, Object> model(String value, boolean flag) {
    return Map.of("value", value, "items", List.of("one", "two"), "flag", flag);
  }
}
