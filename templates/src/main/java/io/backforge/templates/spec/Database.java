package io.backforge.templates.spec;

/** The databases a generated project can use. */
public enum Database {
  POSTGRESQL("postgresql"),
  SQLITE("sqlite"),
  MYSQL("mysql");

  private final String json;

  Database(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static Database fromJson(String json) {
    for (Database value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
