package io.backforge.templates.spec;

/** Writes a validated spec back to its JSON form (the {@code backforge.json} of a project). */
public final class SpecJson {

  private SpecJson() {}

  /** Canonical, pretty-printed JSON of {@code spec}; parsing it again gives an equal spec. */
  public static String write(ProjectSpec spec) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
