package io.backforge.activities;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.ai.AiProperties;
import io.backforge.activities.ai.AiUsage;
import io.backforge.activities.ai.AiUsageStore;
import io.backforge.activities.ai.LanguageModel;
import io.backforge.activities.ai.OpenAiStub;
import io.backforge.activities.generation.EnrichmentActivitiesImpl;
import io.backforge.activities.generation.GenerationActivitiesImpl;
import io.backforge.activities.generation.ProjectSpecs;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.activities.verification.VerificationActivitiesImpl;
import io.backforge.templates.enrich.EnrichmentAnswer;
import io.backforge.templates.enrich.EnrichmentAnswer.Entity;
import io.backforge.templates.enrich.EnrichmentAnswer.Field;
import io.backforge.templates.enrich.EnrichmentAnswer.SampleRow;
import io.backforge.templates.enrich.EnrichmentAnswer.SampleValue;
import io.backforge.templates.enrich.EnrichmentJson;
import io.backforge.templates.generate.ProjectGenerator;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectGenerationWorkflow;
import io.backforge.workflows.ProjectGenerationWorkflowImpl;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.StepState;
import io.backforge.workflows.TaskQueues;
import io.backforge.workflows.payload.GenerationRequest;
import io.backforge.workflows.payload.GenerationResult;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The enrichment step end to end: the real workflow, the real activities over PostgreSQL and the
 * real langchain4j OpenAI client, talking to a local server that speaks OpenAI's API.
 */
@SpringBootTest(classes = ActivitiesTestApplication.class)
class EnrichmentIntegrationTests {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Autowired GenerationActivitiesImpl generation;
  @Autowired VerificationActivitiesImpl verification;
  @Autowired ProjectStore projects;
  @Autowired BlobStore blobs;
  @Autowired AiUsageStore usage;
  @Autowired ProjectGenerator generator;

  OpenAiStub model;
  TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    model = new OpenAiStub();
  }

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
    model.close();
  }

  @Test
  void aGoodAnswerIsValidatedStoredAndUsedInTheProject() {
    model.answer(OpenAiStub.json(goodAnswer()));
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(TIMEOUT));

    assertThat(result.warnings()).isEmpty();
    assertThat(step(project)).satisfies(ran(StepState.SUCCEEDED, 1));
    EnrichmentJson.Stored stored = storedEnrichment(project);
    assertThat(stored.enrichment().overview()).containsExactly("Libraries lend books.");
    assertThat(stored.enrichment().entity("Book").orElseThrow().samples()).hasSize(2);
    assertThat(usage.forProject(project.id())).isEqualTo(new AiUsage(1, 120, 80));
    model
        .server()
        .verify(
            postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(containing("\"json_schema\""))
                .withRequestBody(containing("library-service"))
                .withRequestBody(containing("Use Nordic names")));
    Manifest files = manifest(project);
    assertThat(files.files()).containsKeys("app/seed.py", "tests/test_seed.py");
    assertThat(text(files, "README.md")).contains("## Overview", "Libraries lend books\\.");
    assertThat(text(files, "app/seed.py")).contains("\"Astrid Lindgren\"");
    assertThat(zipEntries(result.artifactHash())).contains("library-service/app/seed.py");
  }

  private String text(Manifest manifest, String path) {
    return new String(blobs.get(manifest.files().get(path)).orElseThrow(), StandardCharsets.UTF_8);
  }

  private List<String> zipEntries(String artifactHash) {
    List<String> names = new java.util.ArrayList<>();
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(
            new java.io.ByteArrayInputStream(blobs.get(artifactHash).orElseThrow()))) {
      for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  @Test
  void invalidSampleRowsAreDroppedWithAWarningAndTheRestIsUsed() {
    EnrichmentAnswer answer = goodAnswer();
    List<Entity> entities = new java.util.ArrayList<>(answer.entities());
    entities.set(
        1,
        new Entity(
            "Book",
            "A book.",
            List.of(),
            List.of(
                row("title", "Ok", "isbn", "123", "author", "0"),
                row("title", "Fine", "isbn", "123-456-7890", "author", "1"))));
    model.answer(OpenAiStub.json(new EnrichmentAnswer(answer.overview(), entities)));
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(TIMEOUT));

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("dropped sample row 0 of Book")
        .contains("isbn '123'");
    assertThat(storedEnrichment(project).enrichment().entity("Book").orElseThrow().samples())
        .singleElement()
        .satisfies(row -> assertThat(row.values()).containsEntry("title", "Fine"));
    assertThat(finalProgress(project).status()).isEqualTo(ProjectStatus.SUCCEEDED);
  }

  @Test
  void aMalformedAnswerLeavesTheProjectUnenrichedWithAWarning() {
    model.answer("Sure! Here is your data: {not json");
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(TIMEOUT));

    assertThat(result.warnings()).singleElement().asString().contains("not in the requested shape");
    assertThat(step(project).state()).isEqualTo(StepState.SKIPPED);
    assertThat(projects.enrichment(project.id())).isEmpty();
    assertThat(usage.forProject(project.id()).requests()).isEqualTo(1);
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void aRateLimitedCallIsRetriedAndThenSucceeds() {
    model.firstThenAnswer(
        OpenAiStub.error(429, "rate_limit_exceeded"), OpenAiStub.json(goodAnswer()));
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(TIMEOUT));

    assertThat(result.warnings()).isEmpty();
    assertThat(step(project)).satisfies(ran(StepState.SUCCEEDED, 2));
    assertThat(model.calls()).isEqualTo(2);
    assertThat(projects.enrichment(project.id())).isPresent();
  }

  @Test
  void aServerErrorIsRetriedAndThenSucceeds() {
    model.firstThenAnswer(OpenAiStub.error(503, "overloaded"), OpenAiStub.json(goodAnswer()));
    ProjectRecord project = newProject();

    generate(project, model.properties(TIMEOUT));

    assertThat(step(project)).satisfies(ran(StepState.SUCCEEDED, 2));
  }

  @Test
  void aRejectedKeyIsNotRetriedAndTheProjectCompletesWithAWarning() {
    model.respond(OpenAiStub.error(401, "invalid_api_key"));
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(TIMEOUT));

    assertThat(model.calls()).isEqualTo(1);
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .contains("generated without it")
        .contains("rejected the credentials")
        .doesNotContain("test-key");
    assertThat(finalProgress(project).status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(result.artifactHash()).isNotNull();
  }

  @Test
  void aTimeoutIsRetriedAndThenSucceeds() {
    model.firstThenAnswer(
        OpenAiStub.completion(OpenAiStub.json(goodAnswer())).withFixedDelay(3_000),
        OpenAiStub.json(goodAnswer()));
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, model.properties(Duration.ofMillis(700)));

    assertThat(result.warnings()).isEmpty();
    assertThat(step(project)).satisfies(ran(StepState.SUCCEEDED, 2));
  }

  @Test
  void aStoredEnrichmentIsReusedWithoutAskingAgainAndGivesTheSameFiles() {
    model.answer(OpenAiStub.json(goodAnswer()));
    ProjectRecord project = newProject();
    generate(project, model.properties(TIMEOUT));
    String first = projects.find(project.id()).orElseThrow().manifestHash();
    env.close();

    generate(project, model.properties(TIMEOUT), "again");

    assertThat(model.calls()).isEqualTo(1);
    assertThat(projects.find(project.id()).orElseThrow().manifestHash()).isEqualTo(first);
  }

  @Test
  void withoutAModelTheStepIsSkippedWithTheReason() {
    ProjectRecord project = newProject();

    GenerationResult result = generate(project, AiProperties.none());

    assertThat(result.warnings()).isEmpty();
    assertThat(step(project).state()).isEqualTo(StepState.SKIPPED);
    assertThat(step(project).detail())
        .startsWith("No language model is configured: set BACKFORGE_AI_PROVIDER");
  }

  private GenerationResult generate(ProjectRecord project, AiProperties ai) {
    return generate(project, ai, "");
  }

  private GenerationResult generate(ProjectRecord project, AiProperties ai, String suffix) {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.GENERATION);
    worker.registerWorkflowImplementationTypes(ProjectGenerationWorkflowImpl.class);
    worker.registerActivitiesImplementations(generation);
    env.newWorker(TaskQueues.AI)
        .registerActivitiesImplementations(
            new EnrichmentActivitiesImpl(
                projects, blobs, generator, LanguageModel.of(ai), usage, new ProjectSpecs()));
    env.newWorker(TaskQueues.VERIFY).registerActivitiesImplementations(verification);
    env.start();
    ProjectGenerationWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProjectGenerationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(project.workflowId() + suffix)
                    .setTaskQueue(TaskQueues.GENERATION)
                    .build());
    return workflow.generate(new GenerationRequest(project.id().toString()));
  }

  private Progress finalProgress(ProjectRecord project) {
    return projects.find(project.id()).orElseThrow().progress();
  }

  private StepProgress step(ProjectRecord project) {
    return finalProgress(project).steps().stream()
        .filter(s -> s.step() == Step.AI_ENRICHMENT)
        .findFirst()
        .orElseThrow();
  }

  private static java.util.function.Consumer<StepProgress> ran(StepState state, int attempts) {
    return step -> {
      assertThat(step.state()).isEqualTo(state);
      assertThat(step.attempts()).isEqualTo(attempts);
    };
  }

  private EnrichmentJson.Stored storedEnrichment(ProjectRecord project) {
    String hash = projects.enrichment(project.id()).orElseThrow();
    return EnrichmentJson.read(blobs.get(hash).orElseThrow());
  }

  private Manifest manifest(ProjectRecord project) {
    return Manifest.parse(
        blobs.get(projects.find(project.id()).orElseThrow().manifestHash()).orElseThrow());
  }

  private ProjectRecord newProject() {
    String spec =
        librarySpec()
            .replace(
                "\"ai\": { \"enrich\": false }",
                "\"ai\": { \"enrich\": true, \"instructions\": \"Use Nordic names\" }");
    return projects.create(UUID.randomUUID(), "tester", "library-service", "flask", spec);
  }

  static String librarySpec() {
    try (InputStream in =
        EnrichmentIntegrationTests.class.getResourceAsStream("/specs/library.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static EnrichmentAnswer goodAnswer() {
    return new EnrichmentAnswer(
        "Libraries lend books.",
        List.of(
            new Entity(
                "Author",
                "A person who writes books.",
                List.of(new Field("name", "Full name as printed on covers.")),
                List.of(
                    row("name", "Astrid Lindgren", "born", "1907-11-14"),
                    row("name", "Tove Jansson"))),
            new Entity(
                "Book",
                "A title the library holds.",
                List.of(new Field("isbn", "International Standard Book Number.")),
                List.of(
                    row(
                        "title",
                        "Pippi Longstocking",
                        "isbn",
                        "978-0670557455",
                        "price",
                        "12.5",
                        "published",
                        "true",
                        "author",
                        "0"),
                    row("title", "Comet in Moominland", "author", "1")))));
  }

  static SampleRow row(String... pairs) {
    return new SampleRow(
        IntStream.range(0, pairs.length / 2)
            .mapToObj(i -> new SampleValue(pairs[2 * i], pairs[2 * i + 1]))
            .toList());
  }
}
