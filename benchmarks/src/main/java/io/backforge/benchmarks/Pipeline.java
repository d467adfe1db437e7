package io.backforge.benchmarks;

import io.backforge.templates.generate.GeneratedProject;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.templates.generate.ProjectZipper;
import io.backforge.templates.spec.SpecValidator;
import io.backforge.templates.spec.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The generator path as a worker runs it, in-process: parse, validate, render, zip. */
public final class Pipeline {

  private final SpecValidator validator = new SpecValidator();
  private final ProjectGenerator generator = new ProjectGenerator();

  /** The files and zip of one spec. */
  public record Output(int files, byte[] zip) {}

  /** Runs the whole path on {@code json}. */
  public Output run(byte[] json) {
    ValidationResult result = validator.validate(json);
    if (!result.valid()) {
      throw new IllegalArgumentException("invalid spec: " + result.errors());
    }
    GeneratedProject project = generator.generate(result.spec());
    return new Output(project.files().size(), ProjectZipper.zip(project));
  }

  /**
   * A spec by name: {@code library}, {@code shop}, {@code blog}, or {@code synthetic-NxF}, for
   * Flask; with the suffix {@code @spring-boot} ({@code shop@spring-boot}) for that stack.
   */
  public static byte[] spec(String name) {
    int at = name.indexOf('@');
    if (at >= 0) {
      String json = new String(spec(name.substring(0, at)), StandardCharsets.UTF_8);
      return json.replaceFirst(
              "\"stack\"\\s*:\\s*\"flask\"", "\"stack\": \"" + name.substring(at + 1) + "\"")
          .getBytes(StandardCharsets.UTF_8);
    }
    if (name.startsWith("synthetic-")) {
      String[] size = name.substring("synthetic-".length()).split("x");
      return SyntheticSpecs.spec(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
    }
    try (InputStream in = Pipeline.class.getResourceAsStream("/specs/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no sample spec " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
