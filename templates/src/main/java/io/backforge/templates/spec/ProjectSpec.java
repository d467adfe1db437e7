package io.backforge.templates.spec;

import java.util.List;
import java.util.Optional;

/**
 * A validated, immutable description of the backend a person asked for. Only {@link SpecValidator}
 * creates instances from untrusted input, so every name in it is a checked {@link Identifier}.
 *
 * @param name the project name, also the root folder of the zip and the Python package prefix
 * @param description free text for people; rendered only through escaping helpers
 * @param stack the target stack
 * @param database the database the generated project talks to
 * @param entities the entities in declaration order
 * @param features the optional features
 * @param ai the AI enrichment options
 * @param verify whether the platform proves the generated project (lint and its own tests in a
 *     sandbox): {@code true} or {@code false} as asked, {@code null} when the spec leaves it to the
 *     default (verify where a worker has the stack's toolchain)
 */
public record ProjectSpec(
    Identifier name,
    String description,
    Stack stack,
    Database database,
    List<EntitySpec> entities,
    Features features,
    AiOptions ai,
    Boolean verify) {

  public ProjectSpec {
    entities = List.copyOf(entities);
  }

  /** A spec that leaves verification to the default. */
  public ProjectSpec(
      Identifier name,
      String description,
      Stack stack,
      Database database,
      List<EntitySpec> entities,
      Features features,
      AiOptions ai) {
    this(name, description, stack, database, entities, features, ai, null);
  }

  /** The entity with the given name, if the spec declares it. */
  public Optional<EntitySpec> entity(String name) {
    return entities.stream().filter(e -> e.name().value().equals(name)).findFirst();
  }
}
