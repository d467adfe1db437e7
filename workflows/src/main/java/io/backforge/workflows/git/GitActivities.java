package io.backforge.workflows.git;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Publishing a generation to a git remote, on the {@code GENERATION} task queue. */
@ActivityInterface
public interface GitActivities {

  /** The remote did not answer or timed out: retried with backoff. */
  String GIT_UNREACHABLE = "GitUnreachable";

  /** The remote is not on the allow-list (checked again on the worker): not retried. */
  String GIT_REMOTE_REFUSED = "GitRemoteRefused";

  /** The remote refused the credential, or asked for one that was not given: not retried. */
  String GIT_AUTHENTICATION = "GitAuthentication";

  /** The branch moved under the push twice in a row (fetched again in between): not retried. */
  String GIT_NON_FAST_FORWARD = "GitNonFastForward";

  /** The remote answered that there is no repository there: not retried. */
  String GIT_REPOSITORY_NOT_FOUND = "GitRepositoryNotFound";

  /** The remote refused the push for another reason (a hook, a protected branch): not retried. */
  String GIT_PUSH_REJECTED = "GitPushRejected";

  /** The project or its files are gone or not generated: not retried. */
  String GIT_PROJECT_NOT_READY = "GitProjectNotReady";

  /** The token was deleted or cannot be decrypted with this worker's key: not retried. */
  String GIT_TOKEN_UNAVAILABLE = "GitTokenUnavailable";

  /**
   * Commits the generation's files (exactly its tree, {@code backforge.json} included) on top of
   * the branch's current tip, fetched first, and pushes it; records the push as succeeded and
   * deletes the token. Idempotent: when the tip already holds exactly this tree with the same
   * message (a retry after a push whose answer was lost), it answers that commit and makes none.
   * Remote unreachable and timeouts are retried with backoff; the failure types above are not.
   */
  @ActivityMethod(name = "GitPush")
  GitPushResult push(GitPushRequest request);

  /**
   * Records that the push ended without reaching the remote and deletes its token. Idempotent (an
   * update and a delete); retried until it succeeds.
   */
  @ActivityMethod(name = "GitPushFailed")
  void failed(GitPushFailure failure);
}
