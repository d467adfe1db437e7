package io.backforge.templates.spec;

/** What deleting a row does to the rows whose many-to-one relation points at it. */
public enum DeleteRule {
  /** The delete is refused (409) while such rows exist: the default. */
  RESTRICT("restrict"),
  /** Those rows are deleted with it, and theirs with them, by their own rules. */
  CASCADE("cascade"),
  /** Their reference is set to null; only for optional relations. */
  SET_NULL("set-null");

  private final String json;

  DeleteRule(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static DeleteRule fromJson(String json) {
    for (DeleteRule value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
