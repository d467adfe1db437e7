package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.ai.AiProperties;
import io.backforge.activities.ai.AiUsageStore;
import io.backforge.activities.ai.DraftActivitiesImpl;
import io.backforge.activities.ai.LanguageModel;
import io.backforge.activities.ai.OpenAiStub;
import io.backforge.activities.ai.SpecDraft;
import io.backforge.workflows.DraftOptions;
import io.backforge.workflows.SpecDraftWorkflow;
import io.backforge.workflows.SpecDraftWorkflowImpl;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.DraftOutcome;
import io.backforge.workflows.payload.DraftRequest;
import io.backforge.workflows.payload.DraftResult;
import io.backforge.workflows.payload.TokenUsage;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A spec draft end to end on a worker: the real draft workflow, the real activity with the real
 * langchain4j OpenAI client talking to a local server that speaks OpenAI's API, and the usage
 * recorded in PostgreSQL.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class DraftIntegrationTests {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Autowired AiUsageStore usage;
  @Autowired JdbcClient jdbc;

  OpenAiStub model;
  TestWorkflowEnvironment env;
  String owner;

  @BeforeEach
  void start() {
    model = new OpenAiStub();
    owner = "writer-" + UUID.randomUUID();
  }

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
    model.close();
  }

  @Test
  void aDraftIsValidatedAndItsTokensAreRecordedForTheOwner() {
    model.answer(OpenAiStub.json(library()));

    DraftResult result = draft(model.properties(TIMEOUT));

    assertThat(result.outcome()).isEqualTo(DraftOutcome.DRAFTED);
    assertThat(result.valid()).as(result.errors().toString()).isTrue();
    assertThat(result.specJson()).contains("\"name\":\"library-service\"", "\"Book\"");
    assertThat(result.usage()).isEqualTo(new TokenUsage(1, 120, 80));
    assertThat(usageRows()).containsExactly(Map.of("purpose", "draft", "requests", 1));
  }

  @Test
  void aDraftThatBreaksTheRulesCarriesTheValidatorsErrors() {
    model.answer(
        OpenAiStub.json(
            new SpecDraft(
                "Library Service",
                "x",
                "oracle",
                List.of(
                    new SpecDraft.Entity(
                        "book",
                        "x",
                        List.of(
                            new SpecDraft.Field("id", "money", false, false, 0, List.of(), "x")),
                        List.of())))));

    DraftResult result = draft(model.properties(TIMEOUT));

    assertThat(result.outcome()).isEqualTo(DraftOutcome.DRAFTED);
    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .extracting(e -> e.pointer())
        .contains("/name", "/database", "/entities/0/name", "/entities/0/fields/0/type");
  }

  @Test
  void refusedCredentialsFailTheDraftWithoutAskingAgain() {
    model.respond(OpenAiStub.error(401, "invalid_api_key"));

    DraftResult result = draft(model.properties(TIMEOUT));

    assertThat(result.outcome()).isEqualTo(DraftOutcome.FAILED);
    assertThat(result.reason()).contains("credentials").doesNotContain("test-key");
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void aModelThatIsUnavailableOnceIsAskedAgainAndOnlyTheAnswerIsCounted() {
    model.firstThenAnswer(OpenAiStub.error(503, "overloaded"), OpenAiStub.json(library()));

    DraftResult result = draft(model.properties(TIMEOUT));

    assertThat(result.outcome()).isEqualTo(DraftOutcome.DRAFTED);
    assertThat(model.calls()).isEqualTo(2);
    assertThat(usageRows()).containsExactly(Map.of("purpose", "draft", "requests", 1));
  }

  @Test
  void aWorkerWithoutAModelAnswersUnavailableWithHowToConfigureOne() {
    DraftResult result = draft(AiProperties.none());

    assertThat(result.outcome()).isEqualTo(DraftOutcome.UNAVAILABLE);
    assertThat(result.reason()).isEqualTo(LanguageModel.NOT_CONFIGURED);
    assertThat(model.calls()).isZero();
    assertThat(usageRows()).isEmpty();
  }

  private DraftResult draft(AiProperties ai) {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(TaskQueues.GENERATION)
        .registerWorkflowImplementationTypes(SpecDraftWorkflowImpl.class);
    env.newWorker(TaskQueues.AI)
        .registerActivitiesImplementations(new DraftActivitiesImpl(LanguageModel.of(ai), usage));
    env.start();
    SpecDraftWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                SpecDraftWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(TaskQueues.draftWorkflowId(UUID.randomUUID().toString()))
                    .setTaskQueue(TaskQueues.GENERATION)
                    .setWorkflowExecutionTimeout(DraftOptions.workflowTimeout(TIMEOUT))
                    .build());
    return workflow.draft(new DraftRequest("a library", owner, TIMEOUT.toMillis()));
  }

  private List<Map<String, Object>> usageRows() {
    return jdbc.sql(
            "SELECT purpose, requests FROM ai_usage WHERE owner = :owner AND project_id IS NULL")
        .param("owner", owner)
        .query(
            (row, n) ->
                Map.<String, Object>of("purpose", row.getString(1), "requests", row.getInt(2)))
        .list();
  }

  private static SpecDraft library() {
    return new SpecDraft(
        "library-service",
        "Books and authors.",
        "sqlite",
        List.of(
            new SpecDraft.Entity(
                "Author",
                "Writes books.",
                List.of(
                    new SpecDraft.Field("name", "string", true, false, 120, List.of(), "Name.")),
                List.of()),
            new SpecDraft.Entity(
                "Book",
                "A title.",
                List.of(
                    new SpecDraft.Field("title", "string", true, false, 200, List.of(), "Title.")),
                List.of(new SpecDraft.Relation("author", "many-to-one", "Author", true)))));
  }
}
