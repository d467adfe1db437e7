package io.backforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.temporal.EmbeddedTemporal;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded Temporal server serves this process in process and other processes on its port, and
 * both see the same workflows.
 */
class EmbeddedTemporalIntegrationTests extends IntegrationTest {

  @Autowired EmbeddedTemporal embedded;
  @Autowired WorkflowClient client;

  @Value("${backforge.temporal.target}")
  String target;

  @Test
  void thisProcessTalksToTheServerInProcessAndOthersOverItsPort() {
    assertThat(embedded.running()).isTrue();
    embedded.ready().join();
    assertThat(embedded.channel()).isPresent();

    String id = "project-" + UUID.randomUUID();
    client
        .newUntypedWorkflowStub(
            "ProjectGenerationWorkflow",
            io.temporal.client.WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue("embedded-temporal-test-no-worker")
                .build())
        .start(new io.backforge.workflows.payload.GenerationRequest(UUID.randomUUID().toString()));

    WorkflowServiceStubs network =
        WorkflowServiceStubs.newConnectedServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build(), null);
    try {
      assertThat(network.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance()))
          .isNotNull();
      assertThat(
              network
                  .blockingStub()
                  .listOpenWorkflowExecutions(
                      ListOpenWorkflowExecutionsRequest.newBuilder()
                          .setNamespace(client.getOptions().getNamespace())
                          .setMaximumPageSize(1000)
                          .build())
                  .getExecutionsList())
          .anySatisfy(e -> assertThat(e.getExecution().getWorkflowId()).isEqualTo(id));
    } finally {
      client.newUntypedWorkflowStub(id).terminate("test over");
      network.shutdownNow();
    }
  }
}
