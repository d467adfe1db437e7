package io.backforge.activities.store;

import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Verification;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored project.
 *
 * @param id the project id
 * @param owner the subject of the token that created it
 * @param name the project name from the spec
 * @param stack the stack from the spec
 * @param spec the spec as submitted (JSON text)
 * @param status the current status
 * @param workflowId the Temporal workflow id
 * @param progress the final progress, stored when the generation ended; {@code null} before
 * @param error why it failed, or {@code null}
 * @param manifestHash the manifest of the scaffolded files, or {@code null}
 * @param artifactHash the zip, or {@code null} until it succeeded
 * @param artifactSize the zip size in bytes, or {@code null}
 * @param requestHash SHA-256 of the submitted body when it came with an idempotency key
 * @param createdAt when it was submitted
 * @param updatedAt when it last changed
 * @param verification the verification recorded when the generation ended, or {@code null}
 * @param parentId the project this one is a revision of (same owner), or {@code null}
 */
public record ProjectRecord(
    UUID id,
    String owner,
    String name,
    String stack,
    String spec,
    ProjectStatus status,
    String workflowId,
    Progress progress,
    String error,
    String manifestHash,
    String artifactHash,
    Long artifactSize,
    String requestHash,
    Instant createdAt,
    Instant updatedAt,
    Verification verification,
    UUID parentId) {}
