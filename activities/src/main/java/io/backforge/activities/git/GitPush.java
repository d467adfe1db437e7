package io.backforge.activities.git;

import java.time.Instant;
import java.util.UUID;

/**
 * A push of a generation to a git remote, as recorded.
 *
 * @param id the push id
 * @param projectId the generation pushed
 * @param owner who asked for it
 * @param remote the remote's URL (never with a credential)
 * @param branch the branch
 * @param status {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
 * @param commit the commit at the branch's tip once it succeeded, otherwise {@code null}
 * @param error why it failed, or {@code null}
 * @param createdAt when it was asked for
 * @param pushedAt when it reached the remote, or {@code null}
 */
public record GitPush(
    UUID id,
    UUID projectId,
    String owner,
    String remote,
    String branch,
    Status status,
    String commit,
    String error,
    Instant createdAt,
    Instant pushedAt) {

  /** Where a push is. */
  public enum Status {
    PENDING,
    SUCCEEDED,
    FAILED
  }

  /** The first 7 characters of the commit, or {@code null}. */
  public String shortCommit() {
    return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
  }

  /** Whether the remote is an HTTPS URL a page may link to. */
  public boolean linkable() {
    return GitRemotes.isHttps(remote);
  }
}
