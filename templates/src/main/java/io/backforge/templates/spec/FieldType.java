package io.backforge.templates.spec;

/** The scalar field types of a spec. */
public enum FieldType {
  STRING("string"),
  TEXT("text"),
  INTEGER("integer"),
  LONG("long"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DATE("date"),
  DATETIME("datetime"),
  UUID("uuid"),
  ENUM("enum");

  private final String json;

  FieldType(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static FieldType fromJson(String json) {
    for (FieldType value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
