package io.backforge.workflows;

/**
 * The Temporal task queues of the platform. Workers of the role {@code worker} poll the generation
 * and AI queues, and the verify queue when they have a verification toolchain.
 */
public final class TaskQueues {

  /** Project generation and spec draft workflows, and the generation activities. */
  public static final String GENERATION = "backforge-generation";

  /**
   * AI enrichment and spec draft activities, kept apart so their rate limits and workers can
   * differ.
   */
  public static final String AI = "backforge-ai";

  /**
   * Project verification (lint and generated tests in a sandbox), polled only by workers that have
   * the toolchain of at least one stack (Python or Maven) and bubblewrap, checked once at start.
   */
  public static final String VERIFY = "backforge-verify";

  private TaskQueues() {}

  /** The workflow id of a project: {@code project-<uuid>}. */
  public static String workflowId(String projectId) {
    return "project-" + projectId;
  }

  /** The workflow id of a spec draft: {@code draft-<uuid>}. */
  public static String draftWorkflowId(String uuid) {
    return "draft-" + uuid;
  }
}
