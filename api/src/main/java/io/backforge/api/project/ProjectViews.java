package io.backforge.api.project;

import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import io.backforge.workflows.VerificationState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the project API. */
final class ProjectViews {

  private ProjectViews() {}

  /** A project with its steps; {@code parentId} names the project it is a revision of. */
  record ProjectView(
      UUID id,
      UUID parentId,
      String name,
      String stack,
      ProjectStatus status,
      Instant createdAt,
      Instant updatedAt,
      List<StepView> steps,
      List<String> warnings,
      String error,
      ArtifactView artifact,
      VerificationView verification,
      AiUsageView aiUsage,
      Map<String, String> links) {}

  /** Tokens the project's AI enrichment spent, once it spent any. */
  record AiUsageView(int requests, long inputTokens, long outputTokens, long totalTokens) {}

  /**
   * How the generated project fared when it was proven (black, pyflakes, its own tests, in a
   * sandbox); absent while the generation runs.
   */
  record VerificationView(
      VerificationState state,
      String reason,
      int testsPassed,
      int testsFailed,
      int lintFindings,
      long durationMillis,
      String logTail) {}

  /** One step. */
  record StepView(
      String id,
      String title,
      StepState state,
      int attempts,
      String lastError,
      String detail,
      Instant startedAt,
      Instant endedAt) {

    static StepView of(StepProgress step) {
      return new StepView(
          step.step().id(),
          step.step().title(),
          step.state(),
          step.attempts(),
          step.lastError(),
          step.detail(),
          instant(step.startedAt()),
          instant(step.endedAt()));
    }

    private static Instant instant(long millis) {
      return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
  }

  /** The data of a {@code status} event: the project has not ended and now stands here. */
  record StatusEvent(ProjectStatus status) {}

  /** The data of the {@code end} event, the last of a stream: how the project ended. */
  record EndEvent(ProjectStatus status, String error, List<String> warnings) {}

  /** The zip, once there is one. */
  record ArtifactView(long size, String sha256) {}

  /** A project in a list; {@code parentId} names the project it is a revision of. */
  record ProjectSummary(
      UUID id,
      UUID parentId,
      String name,
      String stack,
      ProjectStatus status,
      Instant createdAt,
      Instant updatedAt,
      Map<String, String> links) {}

  /** A page of projects. */
  record ProjectPage(List<ProjectSummary> items, int page, int size, long total) {}

  /** A file of a generated project. */
  record FileView(String path, String sha256) {}
}
