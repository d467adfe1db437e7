package io.backforge.workflows;

/** The steps of a project generation, in the order they run. */
public enum Step {
  VALIDATE_SPEC("validate-spec", "Validate spec", "ValidateSpec"),
  CREATE_FEATURES("create-features", "Create features", "CreateFeatures"),
  SCAFFOLD("scaffold", "Scaffold", "Scaffold"),
  AI_ENRICHMENT("ai-enrichment", "AI enrichment", "Enrich"),
  VERIFY("verify", "Verify", "Verify"),
  ZIP("zip", "Zip", "Zip");

  private final String id;
  private final String title;
  private final String activityType;

  Step(String id, String title, String activityType) {
    this.id = id;
    this.title = title;
    this.activityType = activityType;
  }

  /** The step whose activity has the Temporal activity type {@code type}, if any. */
  public static java.util.Optional<Step> forActivity(String type) {
    for (Step step : values()) {
      if (step.activityType.equals(type)) {
        return java.util.Optional.of(step);
      }
    }
    return java.util.Optional.empty();
  }

  /** The stable identifier used in the API. */
  public String id() {
    return id;
  }

  /** A title for people. */
  public String title() {
    return title;
  }
}
