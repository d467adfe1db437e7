package io.backforge.templates.spec;

/** The target stacks a project can be generated for. */
public enum Stack {
  FLASK("flask"),
  SPRING_BOOT("spring-boot");

  private final String json;

  Stack(String json) {
    this.json = json;
  }

  /** The spelling used in specs and the catalog. */
  public String json() {
    return json;
  }

  /** The constant spelled {@code json} in a spec, or {@code null} when there is none. */
  public static Stack fromJson(String json) {
    for (Stack value : values()) {
      if (value.json.equals(json)) {
        return value;
      }
    }
    return null;
  }
}
