package io.backforge.templates.generate;

import io.backforge.templates.spec.Auth;
import io.backforge.templates.spec.ProjectSpec;

/**
 * What every pack's description of the project being generated offers its contributors: the
 * (enriched) spec, and the features its contributors are conditional on.
 */
public interface ProjectDescription {

  /** The spec the files are generated from. */
  ProjectSpec spec();

  /** Whether the API is behind JWT auth. */
  default boolean jwt() {
    return spec().features().auth() == Auth.JWT;
  }

  /** Whether the project ships an OpenAPI document. */
  default boolean openapi() {
    return spec().features().openapi();
  }

  /** Whether the project ships a Dockerfile and a compose file. */
  default boolean docker() {
    return spec().features().docker();
  }

  /** Whether the project ships its own test suite. */
  default boolean tests() {
    return spec().features().tests();
  }
}
