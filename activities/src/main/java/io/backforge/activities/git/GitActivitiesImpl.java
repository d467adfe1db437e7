package io.backforge.activities.git;

import io.backforge.activities.store.ProjectFiles;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.templates.generate.GeneratedProject;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.git.GitActivities;
import io.backforge.workflows.git.GitPushFailure;
import io.backforge.workflows.git.GitPushRequest;
import io.backforge.workflows.git.GitPushResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.jgit.lib.PersonIdent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes a generation with {@link GitPublisher}: its stored files, the spec as {@code
 * backforge.json}, a message naming the project and its revision. The token is read from {@link
 * GitTokens} inside the attempt and never leaves it.
 */
@Component
public class GitActivitiesImpl implements GitActivities {

  private static final Logger log = LoggerFactory.getLogger(GitActivitiesImpl.class);

  /** The author and committer of generated commits. */
  static final String AUTHOR = "Backforge";

  static final String AUTHOR_EMAIL = "backforge@localhost";

  private final ProjectStore projects;
  private final ProjectFiles files;
  private final ProjectLineage lineage;
  private final GitPushes pushes;
  private final GitTokens tokens;
  private final GitRemotes remotes;
  private final GitProperties properties;
  private final GitPublisher publisher = new GitPublisher();

  GitActivitiesImpl(
      ProjectStore projects,
      ProjectFiles files,
      ProjectLineage lineage,
      GitPushes pushes,
      GitTokens tokens,
      GitRemotes remotes,
      GitProperties properties) {
    this.projects = projects;
    this.files = files;
    this.lineage = lineage;
    this.pushes = pushes;
    this.tokens = tokens;
    this.remotes = remotes;
    this.properties = properties;
  }

  @Override
  public GitPushResult push(GitPushRequest request) {
    Optional<GitPush> done =
        pushes
            .find(UUID.fromString(request.pushId()))
            .filter(p -> p.status() == GitPush.Status.SUCCEEDED);
    if (done.isPresent()) {
      // An earlier attempt pushed, recorded and deleted the token, and then lost its answer.
      return new GitPushResult(done.get().commit(), request.branch(), request.remote(), false);
    }
    try {
      remotes.check(request.remote());
    } catch (RemoteRefusedException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), GIT_REMOTE_REFUSED);
    }
    ProjectRecord project = generated(request.projectId());
    GitPublisher.Published published;
    try {
      published =
          publisher.publish(
              new GitPublisher.Publication(
                  request.remote(),
                  request.branch(),
                  tree(project),
                  message(project),
                  new PersonIdent(AUTHOR, AUTHOR_EMAIL),
                  token(request.tokenId()).orElse(null),
                  properties.timeout()));
    } catch (GitPushException e) {
      log.info("Push {} of project {} failed: {}", request.pushId(), project.id(), e.getMessage());
      throw failure(e);
    }
    pushes.succeeded(UUID.fromString(request.pushId()), published.commit());
    if (request.tokenId() != null) {
      tokens.delete(UUID.fromString(request.tokenId()));
    }
    return new GitPushResult(
        published.commit(), request.branch(), request.remote(), published.created());
  }

  @Override
  public void failed(GitPushFailure failure) {
    pushes.failed(UUID.fromString(failure.pushId()), failure.error());
    if (failure.tokenId() != null) {
      tokens.delete(UUID.fromString(failure.tokenId()));
    }
  }

  private ProjectRecord generated(String projectId) {
    Optional<ProjectRecord> project = projects.find(UUID.fromString(projectId));
    if (project.isEmpty()
        || project.get().status() != ProjectStatus.SUCCEEDED
        || project.get().manifestHash() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The project is gone or has not been generated.", GIT_PROJECT_NOT_READY);
    }
    return project.get();
  }

  /** The generation's files, with the stored spec as {@code backforge.json} unless it has one. */
  private SortedMap<String, byte[]> tree(ProjectRecord project) {
    GeneratedProject generated = files.load(project.manifestHash());
    SortedMap<String, byte[]> tree = new TreeMap<>(generated.files());
    tree.putIfAbsent("backforge.json", project.spec().getBytes(StandardCharsets.UTF_8));
    return tree;
  }

  /** Names the project, its id and revision, so {@code git log} tells generations apart. */
  String message(ProjectRecord project) {
    StringBuilder message =
        new StringBuilder("Generate ")
            .append(project.name())
            .append(", revision ")
            .append(lineage.revision(project.id()))
            .append("\n\nBackforge-Project: ")
            .append(project.id())
            .append('\n');
    lineage.parent(project.id()).ifPresent(p -> message.append("Backforge-Parent: ").append(p));
    return message.toString().strip() + "\n";
  }

  private Optional<String> token(String tokenId) {
    if (tokenId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          tokens
              .read(UUID.fromString(tokenId))
              .orElseThrow(
                  () ->
                      ApplicationFailure.newNonRetryableFailure(
                          "The push's token is gone; push again with the token.",
                          GIT_TOKEN_UNAVAILABLE)));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The push's token cannot be decrypted with this worker's BACKFORGE_GIT_TOKEN_KEY.",
          GIT_TOKEN_UNAVAILABLE);
    }
  }

  private static ApplicationFailure failure(GitPushException e) {
    String type =
        switch (e.kind()) {
          case UNREACHABLE -> GIT_UNREACHABLE;
          case AUTHENTICATION -> GIT_AUTHENTICATION;
          case NOT_FOUND -> GIT_REPOSITORY_NOT_FOUND;
          case NON_FAST_FORWARD -> GIT_NON_FAST_FORWARD;
          case REJECTED -> GIT_PUSH_REJECTED;
        };
    return e.kind().retryable()
        ? ApplicationFailure.newFailure(e.getMessage(), type)
        : ApplicationFailure.newNonRetryableFailure(e.getMessage(), type);
  }
}
