package io.backforge.templates.spec;

/**
 * The optional features of a generated project.
 *
 * @param auth the authentication scheme of the generated API
 * @param pagination whether list endpoints are paged
 * @param openapi whether an OpenAPI document is served
 * @param docker whether a Dockerfile and docker-compose.yml are generated
 * @param tests whether the project ships its own test suite
 */
public record Features(
    Auth auth, boolean pagination, boolean openapi, boolean docker, boolean tests) {

  /** The features a spec gets when it names none. */
  public static Features defaults() {
    return new Features(Auth.NONE, true, true, false, true);
  }
}
