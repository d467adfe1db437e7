package io.backforge.templates.spec;

/** The kinds of relation between entities. */
public enum RelationKind {
  MANY_TO_ONE("many-to-one"),
  ONE_TO_MANY("one-to-many"),
  MANY_TO_MANY("many-to-many");

  private final String json;

  RelationKind(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static RelationKind fromJson(String json) {
    for (RelationKind value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
