package io.backforge.workflows;

import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.SpecCheck;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The generation steps, run on {@link TaskQueues#GENERATION}. Every method is idempotent: it reads
 * the stored project and writes content-addressed data, so a retry or a second run gives the same
 * result and never duplicates anything.
 */
@ActivityInterface
public interface GenerationActivities {

  /** Type of the non-retryable failure raised for a spec that does not validate. */
  String INVALID_SPEC = "InvalidSpec";

  /** Type of the non-retryable failure raised when the project no longer exists. */
  String PROJECT_NOT_FOUND = "ProjectNotFound";

  /**
   * Validates the stored spec and marks the project running. Retried on infrastructure errors;
   * fails with the non-retryable type {@link #INVALID_SPEC} when the spec is invalid.
   */
  @ActivityMethod
  SpecCheck validateSpec(ProjectRef project);

  /** Resolves the spec's features into an ordered plan. Pure; retried on infrastructure errors. */
  @ActivityMethod
  FeaturePlan createFeatures(ProjectRef project);

  /**
   * Renders the stack's template pack and stores every file as a content-addressed blob plus a
   * manifest. Rendering is deterministic, so retries store the same blobs (no duplicates). It
   * heartbeats while it runs (a remote activity), so an attempt whose worker died is retried after
   * the heartbeat timeout.
   */
  @ActivityMethod
  ScaffoldResult scaffold(ScaffoldInput input);

  /** Packs the manifest's files into a deterministic zip stored as a blob. Idempotent. */
  @ActivityMethod
  ZipResult zip(ZipInput input);

  /**
   * Records the final status, steps, warnings and artifact on the project. Idempotent (last write
   * wins with the same data); retried until the database answers.
   */
  @ActivityMethod
  void recordOutcome(Outcome outcome);
}
