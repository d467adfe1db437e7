package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.activities.store.ProjectRecord;
import io.backforge.activities.store.ProjectStore;
import io.backforge.api.recovery.GenerationRecovery;
import io.backforge.workflows.ProjectStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RecoveryIntegrationTests extends IntegrationTest {

  @Autowired ProjectStore projects;
  @Autowired GenerationRecovery recovery;
  @Autowired WorkflowClient temporal;

  @Test
  void aProjectWhoseWorkflowWasLostIsGeneratedAgainFromItsStoredSpec() throws Exception {
    ProjectRecord lost = storedProject("recovery-lost");

    GenerationRecovery.Result result = recovery.recover();

    assertThat(result.restarted()).isGreaterThanOrEqualTo(1);
    ProjectRecord done = awaitEnd(lost);
    assertThat(done.status()).isEqualTo(ProjectStatus.SUCCEEDED);
    assertThat(done.artifactHash()).isNotNull();
  }

  @Test
  void aProjectWhoseWorkflowEndedWithoutAResultIsMarkedFailedWithTheReason() throws Exception {
    ProjectRecord project = storedProject("recovery-terminated");
    temporal
        .newUntypedWorkflowStub(
            "ProjectGenerationWorkflow",
            WorkflowOptions.newBuilder()
                .setWorkflowId(project.workflowId())
                .setTaskQueue("no-worker-polls-this")
                .build())
        .start(new Object[] {null});
    temporal.newUntypedWorkflowStub(project.workflowId()).terminate("operator stopped it");

    GenerationRecovery.Result result = recovery.recover();

    assertThat(result.failed()).isGreaterThanOrEqualTo(1);
    ProjectRecord failed = projects.find(project.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(ProjectStatus.FAILED);
    assertThat(failed.error()).contains("terminated").contains("without recording a result");
  }

  private ProjectRecord storedProject(String owner) {
    return projects.create(
        UUID.randomUUID(),
        owner,
        "library-service",
        "flask",
        new String(ProjectApiIntegrationTests.spec("library.json"), StandardCharsets.UTF_8));
  }

  private ProjectRecord awaitEnd(ProjectRecord project) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      ProjectRecord current = projects.find(project.id()).orElseThrow();
      if (current.status().terminal()) {
        return current;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("project did not end in time");
  }
}
