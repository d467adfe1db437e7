package io.backforge.templates.generate;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders logic-less Mustache templates from the classpath root {@code stacks/}. HTML escaping is
 * off (values are escaped by the model for their target language), a missing variable or section
 * fails the render, and each template is compiled once. Thread-safe; create once and share.
 */
public final class TemplateRenderer {

  private static final String ROOT = "stacks/";

  private final Mustache.Compiler compiler =
      Mustache.compiler().escapeHTML(false).strictSections(true).standardsMode(false);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  /**
   * Renders the template {@code name}, a path below {@code stacks/} such as {@code
   * flask/app/models.py.mustache}, with {@code model}.
   *
   * @throws IllegalArgumentException if there is no such template
   * @throws com.samskivert.mustache.MustacheException if the model lacks a variable
   */
  public String render(String name, Object model) {
    return cache.computeIfAbsent(name, this::compile).execute(model);
  }

  private Template compile(String name) {
    String resource = ROOT + name;
    try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no template " + resource);
      }
      return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
