package io.backforge.api.git;

import io.backforge.activities.git.GitProperties;
import io.backforge.activities.git.GitPush;
import io.backforge.activities.git.GitPushes;
import io.backforge.activities.git.GitRemotes;
import io.backforge.activities.git.GitTokens;
import io.backforge.activities.git.RemoteRefusedException;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.api.problem.ProblemException;
import io.backforge.api.problem.Problems;
import io.backforge.api.project.ProjectService;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.git.GitActivities;
import io.backforge.workflows.git.GitOptions;
import io.backforge.workflows.git.GitPushRequest;
import io.backforge.workflows.git.GitPushWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Starts a push of a generation ({@link GitPushWorkflow}, id {@code push-<pushId>}) and waits for
 * it at most {@link GitProperties#pushWait} (30 s by default). Everything the caller sent is
 * checked before anything is stored: a refused remote writes nothing. The token is sealed into
 * {@link GitTokens}; the workflow carries its id only.
 */
@Service
@ConditionalOnWebApplication
class GitPushService {

  private static final Logger log = LoggerFactory.getLogger(GitPushService.class);

  static final int MAX_BRANCH_LENGTH = 200;
  static final int MAX_TOKEN_LENGTH = 1000;

  /** Problem reasons by the activity's failure type. */
  private static final Map<String, String> REASONS =
      Map.of(
          GitActivities.GIT_AUTHENTICATION, "authentication",
          GitActivities.GIT_NON_FAST_FORWARD, "non-fast-forward",
          GitActivities.GIT_REPOSITORY_NOT_FOUND, "repository-not-found",
          GitActivities.GIT_PUSH_REJECTED, "rejected",
          GitActivities.GIT_REMOTE_REFUSED, "remote-not-allowed",
          GitActivities.GIT_PROJECT_NOT_READY, "not-ready",
          GitActivities.GIT_TOKEN_UNAVAILABLE, "token-unavailable",
          GitActivities.GIT_UNREACHABLE, "unreachable");

  private final ProjectService projects;
  private final GitRemotes remotes;
  private final GitTokens tokens;
  private final GitPushes pushes;
  private final WorkflowClient temporal;
  private final Duration wait;

  GitPushService(
      ProjectService projects,
      GitRemotes remotes,
      GitTokens tokens,
      GitPushes pushes,
      WorkflowClient temporal,
      GitProperties properties) {
    this.projects = projects;
    this.remotes = remotes;
    this.tokens = tokens;
    this.pushes = pushes;
    this.temporal = temporal;
    this.wait = properties.pushWait();
  }

  /** The push after it ended, or still {@code PENDING} when it takes longer than the wait. */
  GitPush push(String owner, UUID projectId, PushBody body) {
    ProjectRecord project = succeeded(projects.owned(owner, projectId));
    PushBody checked = body == null ? new PushBody(null, null, null) : body;
    String remote = checkRemote(checked.remote());
    String branch = checkBranch(checked.branch());
    String token = checkToken(checked.token(), remote);
    UUID tokenId = token == null ? null : tokens.save(token);
    GitPush push = pushes.create(project.id(), owner, remote, branch);
    GitPushWorkflow workflow = start(push, tokenId);
    return await(workflow, push);
  }

  private static ProjectRecord succeeded(ProjectRecord project) {
    if (project.status() != ProjectStatus.SUCCEEDED) {
      throw new ProblemException(
          Problems.conflict(
              "not-ready",
              "Not ready",
              "The project is " + project.status() + "; it can be pushed once it SUCCEEDED."));
    }
    return project;
  }

  /** Starts the push's workflow; a {@code 503} problem, the push failed, when Temporal is down. */
  private GitPushWorkflow start(GitPush push, UUID tokenId) {
    GitPushRequest request =
        new GitPushRequest(
            push.id().toString(),
            push.projectId().toString(),
            push.remote(),
            push.branch(),
            tokenId == null ? null : tokenId.toString());
    GitPushWorkflow workflow =
        temporal.newWorkflowStub(
            GitPushWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(GitPushWorkflow.workflowId(push.id().toString()))
                .setTaskQueue(TaskQueues.GENERATION)
                .setWorkflowExecutionTimeout(GitOptions.WORKFLOW_TIMEOUT)
                .build());
    try {
      WorkflowClient.start(workflow::push, request);
      return workflow;
    } catch (RuntimeException e) {
      log.error("Could not start push {}", push.id(), e);
      pushes.failed(push.id(), "The push could not be started: Temporal is unavailable.");
      if (tokenId != null) {
        tokens.delete(tokenId);
      }
      throw new ProblemException(
          Problems.unavailable("The workflow service is unavailable; try again shortly."));
    }
  }

  private GitPush await(GitPushWorkflow workflow, GitPush push) {
    try {
      WorkflowStub.fromTyped(workflow)
          .getResult(wait.toMillis(), TimeUnit.MILLISECONDS, Object.class);
    } catch (TimeoutException e) {
      return push;
    } catch (WorkflowFailedException e) {
      throw failed(push.id(), e);
    } catch (WorkflowException e) {
      log.error("Could not wait for push {}", push.id(), e);
      return push;
    }
    return pushes.find(push.id()).orElse(push);
  }

  /** The push, if it is one of the caller's project's. */
  GitPush find(String owner, UUID projectId, UUID pushId) {
    ProjectRecord project = projects.owned(owner, projectId);
    return pushes
        .find(pushId)
        .filter(p -> p.projectId().equals(project.id()))
        .orElseThrow(() -> new ProblemException(Problems.notFound("No push with this id.")));
  }

  private ProblemException failed(UUID pushId, WorkflowFailedException e) {
    String type = null;
    String message = null;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application) {
        type = application.getType();
        message = application.getOriginalMessage();
        break;
      }
    }
    String detail =
        message != null
            ? message
            : pushes.find(pushId).map(GitPush::error).orElse("The push failed.");
    var problem = Problems.of(HttpStatus.BAD_GATEWAY, "push-failed", "Push failed", detail);
    problem.setProperty("reason", REASONS.getOrDefault(type, "failed"));
    problem.setProperty("pushId", pushId.toString());
    return new ProblemException(problem);
  }

  private String checkRemote(String remote) {
    try {
      return remotes.check(remote);
    } catch (RemoteRefusedException e) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "remote-not-allowed",
              "Remote not allowed",
              e.getMessage()));
    }
  }

  /** The branch's short name, {@link PushBody#DEFAULT_BRANCH} when absent. */
  static String checkBranch(String branch) {
    String name = branch == null || branch.isBlank() ? PushBody.DEFAULT_BRANCH : branch;
    if (name.length() > MAX_BRANCH_LENGTH
        || name.startsWith("refs/")
        || name.startsWith("-")
        || !Repository.isValidRefName("refs/heads/" + name)) {
      throw new ProblemException(
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "invalid-branch",
              "Invalid branch",
              "The branch must be a valid git branch name of at most "
                  + MAX_BRANCH_LENGTH
                  + " characters, without refs/ (for example backforge)."));
    }
    return name;
  }

  private static String checkToken(String token, String remote) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    if (token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw badRequest(
          "The token must be at most " + MAX_TOKEN_LENGTH + " visible ASCII characters.");
    }
    if (remote.regionMatches(true, 0, "http://", 0, 7)) {
      throw badRequest("A token is never sent over plain HTTP; use an https:// remote.");
    }
    return token;
  }

  private static ProblemException badRequest(String detail) {
    return new ProblemException(
        Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail));
  }
}
