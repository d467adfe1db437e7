package io.backforge.workflows.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.workflows.TaskQueues;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitPushWorkflowTests {

  private static final GitPushRequest REQUEST =
      new GitPushRequest("p-1", "3f1c", "https://example.com/acme/library.git", "backforge", "t-9");
  private static final GitPushResult PUSHED =
      new GitPushResult(
          "0123456789abcdef0123456789abcdef01234567", "backforge", REQUEST.remote(), true);

  private TestWorkflowEnvironment env;
  private ScriptedGit git;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.GENERATION)
        .registerWorkflowImplementationTypes(GitPushWorkflowImpl.class);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aPushAnswersTheActivitysCommitAndRecordsNoFailure() throws IOException {
    start(attempt -> PUSHED);

    assertThat(newWorkflow().push(REQUEST)).isEqualTo(PUSHED);
    assertThat(git.requests).containsExactly(REQUEST);
    assertThat(git.failures).isEmpty();
    record("git-push-succeeded");
  }

  @Test
  void anUnreachableRemoteIsRetriedUntilItAnswers() {
    start(
        attempt -> {
          if (attempt < 3) {
            throw ApplicationFailure.newFailure(
                "connection refused", GitActivities.GIT_UNREACHABLE);
          }
          return PUSHED;
        });

    assertThat(newWorkflow().push(REQUEST)).isEqualTo(PUSHED);
    assertThat(git.requests).hasSize(3);
    assertThat(git.failures).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        GitActivities.GIT_AUTHENTICATION,
        GitActivities.GIT_NON_FAST_FORWARD,
        GitActivities.GIT_REMOTE_REFUSED,
        GitActivities.GIT_REPOSITORY_NOT_FOUND,
        GitActivities.GIT_PUSH_REJECTED,
        GitActivities.GIT_PROJECT_NOT_READY,
        GitActivities.GIT_TOKEN_UNAVAILABLE
      })
  void aPermanentFailureIsNotRetriedAndIsRecordedWithItsMessage(String type) throws IOException {
    start(
        attempt -> {
          throw ApplicationFailure.newFailure("refused: " + type, type);
        });

    assertThatThrownBy(() -> newWorkflow().push(REQUEST))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.getType()).isEqualTo(type));
    assertThat(git.requests).hasSize(1);
    assertThat(git.failures).containsExactly(new GitPushFailure("p-1", "t-9", "refused: " + type));
    if (type.equals(GitActivities.GIT_AUTHENTICATION)) {
      record("git-push-refused");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"git-push-succeeded", "git-push-refused"})
  void recordedHistoryReplaysWithoutNondeterminism(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
      WorkflowReplayer.replayWorkflowExecution(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), GitPushWorkflowImpl.class);
    }
  }

  @Test
  void everyPayloadSurvivesTemporalsDataConverter() {
    DataConverter converter = DefaultDataConverter.newDefaultInstance();
    for (Object payload :
        List.of(
            REQUEST,
            new GitPushRequest("p-1", "3f1c", "https://example.com/x.git", "main", null),
            PUSHED,
            new GitPushFailure("p-1", null, "The remote could not be reached"))) {
      Object back =
          converter.fromPayload(
              converter.toPayload(payload).orElseThrow(), payload.getClass(), payload.getClass());
      assertThat(back).isEqualTo(payload);
    }
  }

  @Test
  void theTokenTravelsOnlyAsAnId() {
    assertThat(GitPushRequest.class.getRecordComponents())
        .extracting(c -> c.getName())
        .containsExactly("pushId", "projectId", "remote", "branch", "tokenId");
  }

  private void start(IntFunction<GitPushResult> answer) {
    git = new ScriptedGit(answer);
    env.newWorker(TaskQueues.GENERATION).registerActivitiesImplementations(git);
    env.start();
  }

  private GitPushWorkflow newWorkflow() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            GitPushWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(GitPushWorkflow.workflowId(REQUEST.pushId()))
                .setTaskQueue(TaskQueues.GENERATION)
                .setWorkflowExecutionTimeout(GitOptions.WORKFLOW_TIMEOUT)
                .build());
  }

  /** Writes the finished workflow's history as a replay fixture when asked to. */
  private void record(String name) throws IOException {
    String dir = System.getProperty("backforge.record-histories");
    if (dir != null) {
      Files.writeString(
          Path.of(dir, name + ".json"),
          env.getWorkflowClient()
              .fetchHistory(GitPushWorkflow.workflowId(REQUEST.pushId()))
              .toJson(true));
    }
  }

  /** Test double of the git activities: answers as scripted per attempt and records calls. */
  static final class ScriptedGit implements GitActivities {

    final List<GitPushRequest> requests = new CopyOnWriteArrayList<>();
    final List<GitPushFailure> failures = new CopyOnWriteArrayList<>();
    private final IntFunction<GitPushResult> answer;

    ScriptedGit(IntFunction<GitPushResult> answer) {
      this.answer = answer;
    }

    @Override
    public GitPushResult push(GitPushRequest request) {
      requests.add(request);
      return answer.apply(Activity.getExecutionContext().getInfo().getAttempt());
    }

    @Override
    public void failed(GitPushFailure failure) {
      failures.add(failure);
    }
  }
}
