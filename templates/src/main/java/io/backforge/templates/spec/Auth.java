package io.backforge.templates.spec;

/** Authentication schemes of a generated API. */
public enum Auth {
  NONE("none"),
  JWT("jwt");

  private final String json;

  Auth(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static Auth fromJson(String json) {
    for (Auth value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
