package io.backforge.api.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.backforge.api.ApiClient;
import io.backforge.api.IntegrationTest;
import io.backforge.api.TestTokens;
import io.backforge.workflows.git.GitActivities;
import io.backforge.workflows.git.GitPushWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A remote that does not answer: the API answers {@code 202} after its (here short) wait while the
 * workflow retries the push; and pushes are rate-limited per user before anything is stored.
 */
@TestPropertySource(
    properties = {
      "backforge.git.allowed-remotes=http://127.0.0.1:",
      "backforge.git.push-wait=1s",
      "backforge.rate-limit.pushes-per-minute=1",
      "backforge.rate-limit.push-burst=1"
    })
class GitPushRetryIntegrationTests extends IntegrationTest {

  /** Nothing listens on the discard port here: every connection is refused at once. */
  private static final String DOWN = "http://127.0.0.1:9/acme/library.git";

  @LocalServerPort int port;
  @Autowired TestTokens tokens;
  @Autowired WorkflowClient temporal;
  @Autowired JdbcClient jdbc;

  ApiClient api;
  String token;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    token = tokens.forSubject("git-retry-" + UUID.randomUUID());
  }

  @Test
  void aRemoteThatIsDownIsAnswered202AndRetriedByTheWorkflow() throws Exception {
    String project = generate();

    HttpResponse<String> accepted = push(project);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode push = ApiClient.json(accepted.body());
    String pushId = push.get("id").asString();
    assertThat(push.get("status").asString()).isEqualTo("PENDING");
    String self = "/api/projects/" + project + "/pushes/" + pushId;
    assertThat(accepted.headers().firstValue("Location")).hasValue(self);
    PendingActivityInfo activity = awaitSecondAttempt(GitPushWorkflow.workflowId(pushId));
    assertThat(activity.getLastFailure().getApplicationFailureInfo().getType())
        .isEqualTo(GitActivities.GIT_UNREACHABLE);
    assertThat(ApiClient.json(api.get(self, token).body()).get("status").asString())
        .isEqualTo("PENDING");
    temporal.newUntypedWorkflowStub(GitPushWorkflow.workflowId(pushId)).terminate("test done");
  }

  @Test
  void aSecondPushWithinTheMinuteIsLimitedAndStoresNothing() throws Exception {
    String project = generate();
    assertThat(push(project).statusCode()).isEqualTo(202);

    HttpResponse<String> limited = push(project);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(
            jdbc.sql("SELECT count(*) FROM git_pushes WHERE project_id = :id")
                .param("id", UUID.fromString(project))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    jdbc.sql("SELECT id FROM git_pushes WHERE project_id = :id")
        .param("id", UUID.fromString(project))
        .query(UUID.class)
        .list()
        .forEach(
            id ->
                temporal
                    .newUntypedWorkflowStub(GitPushWorkflow.workflowId(id.toString()))
                    .terminate("test done"));
  }

  private HttpResponse<String> push(String project) {
    return api.postJson(
        "/api/projects/" + project + "/push",
        token,
        ("{\"remote\":\"" + DOWN + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private PendingActivityInfo awaitSecondAttempt(String workflowId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<PendingActivityInfo> pending =
          temporal
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(temporal.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getPendingActivitiesList();
      if (!pending.isEmpty() && pending.get(0).getAttempt() >= 2) {
        return pending.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the push was not retried within 30 s");
  }

  private String generate() throws InterruptedException {
    String spec =
        """
        { "name": "retry-library", "stack": "flask", "database": "postgresql", "verify": false,
          "entities": [ { "name": "Book", "fields": [ { "name": "title", "type": "string" } ] } ] }
        """;
    HttpResponse<String> submitted =
        api.postJson("/api/projects", token, spec.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    String id = ApiClient.json(submitted.body()).get("id").asString();
    JsonNode done = api.awaitEnd(id, token);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    return id;
  }
}
