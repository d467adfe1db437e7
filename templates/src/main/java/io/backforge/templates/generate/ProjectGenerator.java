package io.backforge.templates.generate;

import io.backforge.templates.enrich.Enrichment;
import io.backforge.templates.pack.StackPack;
import io.backforge.templates.pack.StackPacks;
import io.backforge.templates.spec.ProjectSpec;
import io.backforge.templates.spec.Stack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Chooses the stack generator for a spec. Thread-safe; create once and share. */
public final class ProjectGenerator {

  private final Map<Stack, StackGenerator> generators = new HashMap<>();

  /** A generator that knows the stack of every pack there is ({@link StackPacks}). */
  public ProjectGenerator() {
    this(StackPacks.all().stream().map(StackPack::generator).toList());
  }

  /** A generator over the given stack generators. */
  public ProjectGenerator(List<StackGenerator> stackGenerators) {
    stackGenerators.forEach(g -> generators.put(g.stack(), g));
  }

  /** The files of the project described by {@code spec}. */
  public GeneratedProject generate(ProjectSpec spec) {
    return stack(spec).generate(spec);
  }

  /**
   * The files of the project described by {@code spec} enriched with {@code enrichment}; without
   * one ({@code null}), byte for byte the files of {@link #generate(ProjectSpec)}.
   */
  public GeneratedProject generate(ProjectSpec spec, Enrichment enrichment) {
    return enrichment == null ? generate(spec) : stack(spec).generate(spec, enrichment);
  }

  private StackGenerator stack(ProjectSpec spec) {
    StackGenerator generator = generators.get(spec.stack());
    if (generator == null) {
      throw new IllegalArgumentException("no generator for stack " + spec.stack().json());
    }
    return generator;
  }
}
