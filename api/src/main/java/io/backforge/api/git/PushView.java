package io.backforge.api.git;

import io.backforge.activities.git.GitPush;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A push as the API shows it.
 *
 * @param id the push id
 * @param status {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}
 * @param commit the commit at the branch's tip once it succeeded
 * @param branch the branch
 * @param remote the remote
 * @param error why it failed
 * @param createdAt when it was asked for
 * @param pushedAt when it reached the remote
 * @param links {@code self} and {@code project}
 */
record PushView(
    UUID id,
    GitPush.Status status,
    String commit,
    String branch,
    String remote,
    String error,
    Instant createdAt,
    Instant pushedAt,
    Map<String, String> links) {

  static PushView of(GitPush push) {
    String project = "/api/projects/" + push.projectId();
    return new PushView(
        push.id(),
        push.status(),
        push.commit(),
        push.branch(),
        push.remote(),
        push.error(),
        push.createdAt(),
        push.pushedAt(),
        Map.of("self", project + "/pushes/" + push.id(), "project", project));
  }
}
