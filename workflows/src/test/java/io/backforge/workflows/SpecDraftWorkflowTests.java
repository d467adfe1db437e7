package io.backforge.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.workflows.payload.DraftError;
import io.backforge.workflows.payload.DraftInput;
import io.backforge.workflows.payload.DraftOutcome;
import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.backforge.workflows.payload.TokenUsage;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpecDraftWorkflowTests {

  private static final DraftRequest REQUEST = new DraftRequest("a library", "writer", 5_000);
  private static final DraftResult DRAFTED =
      DraftResult.drafted(
          "{\"name\":\"library\"}",
          List.of(new DraftError("/entities", "at least one entity")),
          new TokenUsage(1, 120, 80));

  private static final String SHORT_WAIT = "short-wait";

  private TestWorkflowEnvironment env;
  private ScriptedDrafts drafts;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.GENERATION)
        .registerWorkflowImplementationTypes(SpecDraftWorkflowImpl.class);
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  @Test
  void aDraftIsTheActivitysAnswerAskedWithThePromptAndOwnerOnTheAiQueue() {
    startDrafts(attempt -> DRAFTED);

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result).isEqualTo(DRAFTED);
    assertThat(drafts.inputs).containsExactly(new DraftInput("a library", "writer"));
    assertThat(drafts.queues).containsExactly(TaskQueues.AI);
  }

  @Test
  void aWorkerWithoutAModelAnswersUnavailableWithItsReason() {
    startDrafts(attempt -> DraftResult.unavailable("No language model is configured"));

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result.outcome()).isEqualTo(DraftOutcome.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo("No language model is configured");
    assertThat(drafts.inputs).hasSize(1);
  }

  @Test
  void refusedCredentialsFailTheDraftAtOnceWithTheModelsMessage() {
    startDrafts(
        attempt -> {
          throw ApplicationFailure.newFailure(
              "The language model rejected the credentials",
              EnrichmentActivities.AI_AUTHENTICATION);
        });

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result.outcome()).isEqualTo(DraftOutcome.FAILED);
    assertThat(result.reason()).isEqualTo("The language model rejected the credentials");
    assertThat(drafts.inputs).as("attempts").hasSize(1);
  }

  @Test
  void anAnswerNotInTheRequestedShapeIsNotAskedAgain() {
    startDrafts(
        attempt -> {
          throw ApplicationFailure.newFailure(
              "The language model's answer was not in the requested shape",
              DraftActivities.AI_MALFORMED_ANSWER);
        });

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result.outcome()).isEqualTo(DraftOutcome.FAILED);
    assertThat(drafts.inputs).as("attempts").hasSize(1);
  }

  @Test
  void aModelThatIsUnavailableOnceIsAskedAgain() {
    startDrafts(
        attempt -> {
          if (attempt == 1) {
            throw ApplicationFailure.newFailure(
                "The language model is unavailable (HTTP 503)", "AiUnavailable");
          }
          return DRAFTED;
        });

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result).isEqualTo(DRAFTED);
    assertThat(drafts.inputs).as("attempts").hasSize(2);
  }

  @Test
  void aModelThatStaysUnavailableFailsTheDraftWithItsLastMessage() {
    startDrafts(
        attempt -> {
          throw ApplicationFailure.newFailure(
              "The language model is unavailable (HTTP 503)", "AiUnavailable");
        });

    DraftResult result = newWorkflow().draft(REQUEST);

    assertThat(result.outcome()).isEqualTo(DraftOutcome.FAILED);
    assertThat(result.reason()).isEqualTo("The language model is unavailable (HTTP 503)");
    assertThat(drafts.inputs).as("attempts").hasSize(DraftOptions.DRAFT_RETRY.getMaximumAttempts());
  }

  @Test
  void withoutAnAiWorkerTheDraftIsUnavailableOnceNoWorkerTookIt() {
    env.newWorker(SHORT_WAIT)
        .registerWorkflowImplementationFactory(
            SpecDraftWorkflow.class, () -> new SpecDraftWorkflowImpl(Duration.ofSeconds(2)));
    env.start();

    DraftResult result = newWorkflow(SHORT_WAIT).draft(REQUEST);

    assertThat(result.outcome()).isEqualTo(DraftOutcome.UNAVAILABLE);
    assertThat(result.reason()).contains("No worker", "2 seconds");
  }

  @Test
  void everyTimeoutIsBoundedByTheModelsTimeout() {
    Duration model = Duration.ofSeconds(60);

    assertThat(DraftOptions.startToClose(model)).isEqualTo(Duration.ofSeconds(65));
    assertThat(DraftOptions.scheduleToClose(model)).isEqualTo(Duration.ofSeconds(95));
    assertThat(DraftOptions.workflowTimeout(model)).isEqualTo(Duration.ofSeconds(105));
    assertThat(DraftOptions.modelTimeout(0)).isEqualTo(model);
  }

  private void startDrafts(Function<Integer, DraftResult> answer) {
    drafts = new ScriptedDrafts(answer);
    env.newWorker(TaskQueues.AI).registerActivitiesImplementations(drafts);
    env.start();
  }

  private SpecDraftWorkflow newWorkflow() {
    return newWorkflow(TaskQueues.GENERATION);
  }

  private SpecDraftWorkflow newWorkflow(String taskQueue) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            SpecDraftWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.draftWorkflowId("d1"))
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(DraftOptions.workflowTimeout(Duration.ofSeconds(5)))
                .build());
  }

  /** Answers what the script says for each attempt, and records what it was asked. */
  static final class ScriptedDrafts implements DraftActivities {

    final List<DraftInput> inputs = new CopyOnWriteArrayList<>();
    final List<String> queues = new CopyOnWriteArrayList<>();
    private final Function<Integer, DraftResult> answer;

    ScriptedDrafts(Function<Integer, DraftResult> answer) {
      this.answer = answer;
    }

    @Override
    public DraftResult draft(DraftInput input) {
      inputs.add(input);
      queues.add(Activity.getExecutionContext().getInfo().getActivityTaskQueue());
      return answer.apply(Activity.getExecutionContext().getInfo().getAttempt());
    }
  }
}
