package io.backforge.templates.spec;

/**
 * The kinds of relation between entities. A spec may also name {@value #ONE_TO_ONE}: a many-to-one
 * whose foreign key is unique ({@link RelationSpec#unique()}), so at most one row points at each
 * target.
 */
public enum RelationKind {
  MANY_TO_ONE("many-to-one"),
  ONE_TO_MANY("one-to-many"),
  MANY_TO_MANY("many-to-many");

  /** The spelling of a one-to-one relation, read as a unique many-to-one. */
  public static final String ONE_TO_ONE = "one-to-one";

  private final String json;

  RelationKind(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** Every kind a spec may name, in the order people choose them. */
  public static java.util.List<String> jsonKinds() {
    return java.util.List.of(MANY_TO_ONE.json, ONE_TO_ONE, ONE_TO_MANY.json, MANY_TO_MANY.json);
  }

  /**
   * The constant spelled {@code json} in a spec ({@link #MANY_TO_ONE} for {@value #ONE_TO_ONE}), or
   * {@code null} when there is none.
   */
  public static RelationKind fromJson(String json) {
    if (ONE_TO_ONE.equals(json)) {
      return MANY_TO_ONE;
    }
    for (RelationKind value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
