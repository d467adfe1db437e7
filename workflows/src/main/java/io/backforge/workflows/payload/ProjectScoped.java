package io.backforge.workflows.payload;

/** A payload that belongs to one project, so cross-cutting code can tell which. */
public interface ProjectScoped {

  /** The project id (a UUID). */
  String projectId();
}
