package io.backforge.templates.pack;

import io.backforge.templates.generate.StackGenerator;
import io.backforge.templates.spec.Database;
import io.backforge.templates.spec.Stack;
import java.util.Set;

/**
 * Everything one target stack contributes to the platform: its catalog entry, its generator (which
 * owns the stack's naming, reserved words, type mapping, templates under {@code stacks/<id>/} and
 * enrichment rendering) and its verification recipe. The platform finds packs through {@link
 * java.util.ServiceLoader}: a pack is registered by one line naming its class in {@code
 * META-INF/services/io.backforge.templates.pack.StackPack}, and no code outside a pack names a
 * stack. Implementations are immutable and thread-safe, with a public no-argument constructor.
 */
public interface StackPack {

  /** The stack, by its catalog id. */
  Stack stack();

  /** Its name for people, with the language: {@code Flask (Python 3)}. */
  String title();

  /** The libraries its projects are built on, for the catalog. */
  String libraries();

  /** Where its projects serve their OpenAPI document: {@code /openapi.json}. */
  String openApiPath();

  /** What the verify step runs on its projects, for people: {@code black --check, ...}. */
  String verification();

  /** How its projects reach {@code database}, for the catalog: {@code psycopg2}. */
  String driver(Database database);

  /** Its generator. */
  StackGenerator generator();

  /** What the verify step runs on its projects, and how. */
  VerificationRecipe verificationRecipe();

  /** The parts of the spec's model its generator renders; none unless it says so. */
  default Set<ModelFeature> modelFeatures() {
    return Set.of();
  }
}
