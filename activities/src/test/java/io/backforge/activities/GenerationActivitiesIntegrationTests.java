package io.backforge.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backforge.activities.generation.GenerationActivitiesImpl;
import io.backforge.activities.store.BlobStore;
import io.backforge.activities.store.Manifest;
import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.workflows.GenerationActivities;
import io.backforge.workflows.Progress;
import io.backforge.workflows.ProjectStatus;
import io.backforge.workflows.Step;
import io.backforge.workflows.StepProgress;
import io.backforge.workflows.payload.FeaturePlan;
import io.backforge.workflows.payload.Outcome;
import io.backforge.workflows.payload.ProjectRef;
import io.backforge.workflows.payload.ScaffoldInput;
import io.backforge.workflows.payload.ScaffoldResult;
import io.backforge.workflows.payload.ZipInput;
import io.backforge.workflows.payload.ZipResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = ActivitiesTestApplication.class)
class GenerationActivitiesIntegrationTests {

  @Autowired GenerationActivitiesImpl implementation;
  @Autowired ProjectStore projects;
  @Autowired BlobStore blobs;
  @Autowired JdbcClient jdbc;

  TestActivityEnvironment env;
  GenerationActivities activities;

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(implementation);
    activities = env.newActivityStub(GenerationActivities.class);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void scaffoldingTwiceStoresTheSameFilesOnce() {
    ProjectRecord project = newProject(spec("library.json"));
    FeaturePlan plan = activities.createFeatures(new ProjectRef(project.id().toString()));

    ScaffoldResult first = activities.scaffold(new ScaffoldInput(project.id().toString(), plan));
    long blobsAfterFirst = blobCount();
    ScaffoldResult second = activities.scaffold(new ScaffoldInput(project.id().toString(), plan));

    assertThat(second.manifestHash()).isEqualTo(first.manifestHash());
    assertThat(blobCount()).isEqualTo(blobsAfterFirst);
    Manifest manifest = Manifest.parse(blobs.get(first.manifestHash()).orElseThrow());
    assertThat(manifest.rootFolder()).isEqualTo("library-service");
    assertThat(manifest.files()).hasSize(first.fileCount()).containsKey("backforge.json");
    assertThat(projects.find(project.id()).orElseThrow().manifestHash())
        .isEqualTo(first.manifestHash());
  }

  @Test
  void zippingTwiceGivesTheSameArtifact() {
    ProjectRecord project = newProject(spec("library.json"));
    String id = project.id().toString();
    ScaffoldResult files =
        activities.scaffold(new ScaffoldInput(id, activities.createFeatures(new ProjectRef(id))));

    ZipResult first = activities.zip(new ZipInput(id, files.manifestHash()));
    ZipResult second = activities.zip(new ZipInput(id, files.manifestHash()));

    assertThat(second.artifactHash()).isEqualTo(first.artifactHash());
    byte[] zip = blobs.get(first.artifactHash()).orElseThrow();
    assertThat(zip).hasSize((int) first.size());
    assertThat(BlobStore.hash(zip)).isEqualTo(first.artifactHash());
  }

  @Test
  void anInvalidStoredSpecFailsValidationWithoutRetry() {
    ProjectRecord project =
        newProject(
            "{\"name\":\"x\",\"stack\":\"flask\",\"database\":\"sqlite\",\"entities\":[]}"
                .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> activities.validateSpec(new ProjectRef(project.id().toString())))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(GenerationActivities.INVALID_SPEC);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("/entities");
            });
    assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.QUEUED);
  }

  @Test
  void validationMarksTheProjectRunning() {
    ProjectRecord project = newProject(spec("library.json"));

    activities.validateSpec(new ProjectRef(project.id().toString()));

    assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.RUNNING);
  }

  @Test
  void theOutcomeIsStoredWithItsSteps() {
    ProjectRecord project = newProject(spec("library.json"));
    Progress progress =
        new Progress(
            ProjectStatus.FAILED,
            Arrays.stream(Step.values()).map(StepProgress::pending).toList(),
            List.of("careful"),
            "scaffold broke");

    activities.recordOutcome(new Outcome(project.id().toString(), progress, null, 0));

    ProjectRecord stored = projects.find(project.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProjectStatus.FAILED);
    assertThat(stored.progress()).isEqualTo(progress);
    assertThat(stored.error()).isEqualTo("scaffold broke");
  }

  @Test
  void markingFailedLeavesAProjectThatHasEndedAlone() {
    ProjectRecord project = newProject(spec("library.json"));
    Progress succeeded =
        new Progress(
            ProjectStatus.SUCCEEDED,
            Arrays.stream(Step.values()).map(StepProgress::pending).toList(),
            List.of(),
            null);
    activities.recordOutcome(new Outcome(project.id().toString(), succeeded, null, 0));

    boolean marked = projects.markFailed(project.id(), "recovery looked too late");

    assertThat(marked).isFalse();
    ProjectRecord stored = projects.find(project.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(stored.error()).isNull();
  }

  @Test
  void markingFailedEndsAProjectThatHasNot() {
    ProjectRecord project = newProject(spec("library.json"));

    assertThat(projects.markFailed(project.id(), "lost")).isTrue();

    assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.FAILED);
  }

  @Test
  void anOutcomeForAMissingProjectFailsWithoutRetry() {
    Progress progress = new Progress(ProjectStatus.SUCCEEDED, List.of(), List.of(), null);

    assertThatThrownBy(
            () ->
                activities.recordOutcome(
                    new Outcome(UUID.randomUUID().toString(), progress, null, 0)))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo("ProjectNotFound"));
  }

  private ProjectRecord newProject(byte[] spec) {
    return projects.create(
        UUID.randomUUID(),
        "tester",
        "library-service",
        "flask",
        new String(spec, StandardCharsets.UTF_8));
  }

  private long blobCount() {
    return jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single();
  }

  private static byte[] spec(String name) {
    try (InputStream in =
        GenerationActivitiesIntegrationTests.class.getResourceAsStream("/specs/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
