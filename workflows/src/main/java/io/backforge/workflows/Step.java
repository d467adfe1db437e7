package io.backforge.workflows;

/** The steps of a project generation, in the order they run. */
public enum Step {
  VALIDATE_SPEC("validate-spec", "Validate spec"),
  CREATE_FEATURES("create-features", "Create features"),
  SCAFFOLD("scaffold", "Scaffold"),
  AI_ENRICHMENT("ai-enrichment", "AI enrichment"),
  VERIFY("verify", "Verify"),
  ZIP("zip", "Zip");

  private final String id;
  private final String title;

  Step(String id, String title) {
    this.id = id;
    this.title = title;
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
