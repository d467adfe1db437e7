package io.backforge.workflows;

/** The Temporal task queues of the platform. Workers of the role {@code worker} poll all three. */
public final class TaskQueues {

  /** Project generation workflows and their activities. */
  public static final String GENERATION = "backforge-generation";

  /** AI enrichment activities, kept apart so their rate limits and workers can differ. */
  public static final String AI = "backforge-ai";

  private TaskQueues() {}

  /** The workflow id of a project: {@code project-<uuid>}. */
  public static String workflowId(String projectId) {
    return "project-" + projectId;
  }
}
